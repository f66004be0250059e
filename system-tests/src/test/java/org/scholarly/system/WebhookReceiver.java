package org.scholarly.system;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP endpoint on loopback that checks the Standard Webhooks signature of every call, the way a
 * subscriber's server would, and can be told to fail the next few calls.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call received; {@code traceparent} is its W3C Trace Context header, null without one. */
    public record Call(String webhookId, String body, boolean signatureValid, String traceparent) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private volatile String secret;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            boolean failing = failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!failing) {
                calls.add(new Call(id, body, signature != null && signature.equals(expectedSignature(id, timestamp, body)),
                        exchange.getRequestHeaders().getFirst("traceparent")));
            }
            exchange.sendResponseHeaders(failing ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void trust(String secret) {
        this.secret = secret;
    }

    public void failNext(int times) {
        failuresToAnswer.set(times);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private String expectedSignature(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | RuntimeException e) {
            return "unverifiable";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
