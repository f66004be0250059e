package org.scholarly.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scholarly.notification.delivery.SendOutcome;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call connects to the address it is handed and nowhere else, while the host name still goes into the Host
 * header and TLS. Host names under .test never resolve (RFC 6761), so a call that reaches the local receiver
 * can only have used the address it was given.
 */
class PinnedCallTest {

    private static final String TLS_HOST = "hooks.example.test";
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    private static Vertx vertx;
    private static HttpServer plain;
    private static HttpsServer tls;
    private static final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private static PemTrustOptions trustTheTestCertificate;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        plain.start();

        Path store = keys.resolve("hook.p12");
        Path certificate = keys.resolve("hook.pem");
        keytool("-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + TLS_HOST, "-ext", "SAN=dns:" + TLS_HOST, "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "hook", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-file", certificate.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(context));
        tls.createContext("/", exchange -> {
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        tls.start();
        trustTheTestCertificate = new PemTrustOptions().addCertPath(certificate.toString());
    }

    @AfterAll
    static void stop() {
        plain.stop(0);
        tls.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void connectsToTheCheckedAddressAndNotToWhatTheHostNameResolvesTo() {
        try (PinnedCall call = new PinnedCall(vertx, limits(), null)) {
            SendOutcome outcome = call.post(target("http://never-resolves.test:" + plain.getAddress().getPort() + "/hook",
                    InetAddress.getLoopbackAddress()), MultiMap.caseInsensitiveMultiMap(), "{}");

            assertThat(outcome.succeeded()).as(String.valueOf(outcome)).isTrue();
            assertThat(hostHeaders).contains("never-resolves.test:" + plain.getAddress().getPort());
        }
    }

    @Test
    void verifiesTheCertificateAgainstTheHostNameWhileConnectingToTheCheckedAddress() {
        int port = tls.getAddress().getPort();
        try (PinnedCall call = new PinnedCall(vertx, limits(), trustTheTestCertificate)) {
            SendOutcome delivered = call.post(target("https://" + TLS_HOST + ":" + port + "/hook",
                    InetAddress.getLoopbackAddress()), MultiMap.caseInsensitiveMultiMap(), "{}");
            assertThat(delivered.succeeded()).as(String.valueOf(delivered)).isTrue();
            assertThat(hostHeaders).contains(TLS_HOST + ":" + port);

            SendOutcome wrongName = call.post(target("https://other.example.test:" + port + "/hook",
                    InetAddress.getLoopbackAddress()), MultiMap.caseInsensitiveMultiMap(), "{}");
            assertThat(wrongName.succeeded()).as("the certificate is not for this host name").isFalse();
            assertThat(wrongName.error()).isEqualTo("connection failed");
        }
    }

    @Test
    void aCertificateThatIsNotTrustedIsAConnectionFailureThatNamesNothing() {
        int port = tls.getAddress().getPort();
        try (PinnedCall call = new PinnedCall(vertx, limits(), null)) {
            SendOutcome outcome = call.post(target("https://" + TLS_HOST + ":" + port + "/hook",
                    InetAddress.getLoopbackAddress()), MultiMap.caseInsensitiveMultiMap(), "{}");

            assertThat(outcome).isEqualTo(SendOutcome.failed(null, "connection failed"));
        }
    }

    @Test
    void aClosedPortIsAConnectionFailureThatNamesNeitherAddressNorPort() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (PinnedCall call = new PinnedCall(vertx, limits(), null)) {
            SendOutcome outcome = call.post(target("http://hooks.example.test:" + closed + "/hook",
                    InetAddress.getLoopbackAddress()), MultiMap.caseInsensitiveMultiMap(), "{}");

            assertThat(outcome).isEqualTo(SendOutcome.failed(null, "connection failed"));
        }
    }

    private static PinnedCall.Limits limits() {
        return new PinnedCall.Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15), 64 * 1024);
    }

    private static CheckedTarget target(String url, InetAddress address) {
        return new CheckedTarget(URI.create(url), address);
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
