package org.scholarly.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server that accepts connections and then never says a word, not even its greeting: the mailer waits for
 * a reply that does not come. It replaces GreenMail as the mailer's server (it starts after it and wins).
 */
public class StalledSmtpServer implements QuarkusTestResourceLifecycleManager {

    /** Connections accepted so far, for tests to check that the mailer did reach this server. */
    public static final AtomicInteger CONNECTIONS = new AtomicInteger();

    private ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "stalled-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getLocalPort()));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept()); // held open, never written to
                CONNECTIONS.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** After GreenMail, so that its mailer settings are the ones that stand. */
    @Override
    public int order() {
        return 1000;
    }

    @Override
    public void stop() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
