package org.scholarly.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver that misbehaves on purpose, written on a raw socket so that it can do what a well-behaved
 * HTTP server library would not: send the response headers and then stall, stream a body that never ends, or take
 * its time. Every exchange is recorded with the receiver's own clock, so tests compare the receiver's timestamps
 * rather than their own wall-clock time.
 *
 * <p>Each behaviour is bounded ({@link #GIVE_UP_AFTER}) so that a receiver left behind by a failed test stops by
 * itself.
 */
public final class ScriptedReceiver implements AutoCloseable {

    public enum Behaviour {
        /** Answers 204 at once. */
        ANSWER,
        /** Sends the headers of a 200 with a 100-byte body, then nothing: the kind of receiver that hung the worker. */
        STALL_AFTER_HEADERS,
        /** Sends a 200 and then a chunked body without end. */
        ENDLESS_BODY,
        /** Waits a second, then answers 204. */
        SLOW
    }

    /**
     * One request as the receiver saw it.
     *
     * @param ended        when the receiver answered in full, or noticed that the caller had dropped the connection
     * @param callerDropped the caller closed the connection before the receiver was done with it
     * @param bytesSent    body bytes the receiver managed to send
     */
    public record Exchange(String path, Instant arrived, Instant ended, boolean callerDropped, long bytesSent) {
    }

    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);
    private static final Duration SLOW_ANSWER = Duration.ofSeconds(1);

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-receiver");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> arrivedPaths = new CopyOnWriteArrayList<>();

    public ScriptedReceiver() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        connections.execute(this::accept);
    }

    /** A fresh endpoint URL on this receiver that behaves as told. */
    public String endpoint(Behaviour behaviour) {
        return "http://127.0.0.1:" + server.getLocalPort() + "/" + behaviour.name().toLowerCase(Locale.ROOT) + "/"
                + UUID.randomUUID();
    }

    /** Exchanges at this endpoint that have ended, in the order they ended. */
    public List<Exchange> endedAt(String endpoint) {
        String path = java.net.URI.create(endpoint).getPath();
        return exchanges.stream().filter(e -> e.path().equals(path)).toList();
    }

    /** How many requests arrived at this endpoint, ended or not. */
    public long arrivalsAt(String endpoint) {
        String path = java.net.URI.create(endpoint).getPath();
        return arrivedPaths.stream().filter(path::equals).count();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Instant arrived = Instant.now();
            String path = readRequest(socket.getInputStream());
            if (path == null) {
                return;
            }
            arrivedPaths.add(path);
            Behaviour behaviour = Behaviour.valueOf(path.split("/")[1].toUpperCase(Locale.ROOT));
            Exchange exchange = switch (behaviour) {
                case ANSWER -> answer(socket, path, arrived);
                case SLOW -> {
                    sleep(SLOW_ANSWER);
                    yield answer(socket, path, arrived);
                }
                case STALL_AFTER_HEADERS -> stall(socket, path, arrived);
                case ENDLESS_BODY -> stream(socket, path, arrived);
            };
            exchanges.add(exchange);
        } catch (IOException e) {
            // the caller went away before the request was read in full; nothing to record
        } finally {
            open.remove(socket);
        }
    }

    private static Exchange answer(Socket socket, String path, Instant arrived) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new Exchange(path, arrived, Instant.now(), false, 0);
    }

    /** Headers, then silence until the caller hangs up (the read sees end of stream or a reset) or we give up. */
    private static Exchange stall(Socket socket, String path, Instant arrived) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout((int) GIVE_UP_AFTER.toMillis());
        boolean dropped;
        try {
            dropped = socket.getInputStream().read() == -1;
        } catch (java.net.SocketTimeoutException e) {
            dropped = false;
        } catch (IOException e) {
            dropped = true;
        }
        return new Exchange(path, arrived, Instant.now(), dropped, 0);
    }

    /** 8 KB chunks as fast as the caller takes them, until a write fails because the caller hung up. */
    private static Exchange stream(Socket socket, String path, Instant arrived) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        try {
            while (System.nanoTime() < giveUpAt) {
                out.write(chunk);
                out.flush();
                sent += 0x2000;
            }
            return new Exchange(path, arrived, Instant.now(), false, sent);
        } catch (IOException e) {
            return new Exchange(path, arrived, Instant.now(), true, sent);
        }
    }

    /** Reads the request line, the headers and a Content-Length body; returns the path, or null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null) {
            return null;
        }
        long length = 0;
        for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
            int colon = header.indexOf(':');
            if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Long.parseLong(header.substring(colon + 1).trim());
            }
        }
        in.readNBytes((int) length);
        return requestLine.split(" ")[1];
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        connections.shutdownNow();
    }
}
