package org.scholarly.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP webhook receiver on a loopback port. It verifies each request's Standard Webhooks signature the way
 * a receiver would (its own HMAC code, not the service's), answers 401 to a bad one, and can be told to fail.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request; {@code traceparent} is its W3C Trace Context header, null without one. */
    public record Received(String path, String id, String body, boolean signatureValid, int answered, String traceparent) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A fresh endpoint URL on this receiver. */
    public String newEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + UUID.randomUUID();
    }

    public void trust(String endpoint, String secret) {
        secrets.put(pathOf(endpoint), secret);
    }

    /** The next {@code times} requests to the endpoint are answered 500; a huge number means "until recovered". */
    public void failNext(String endpoint, int times) {
        failuresLeft.put(pathOf(endpoint), new AtomicInteger(times));
    }

    public void recover(String endpoint) {
        failuresLeft.remove(pathOf(endpoint));
    }

    public List<Received> receivedAt(String endpoint) {
        String path = pathOf(endpoint);
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        boolean valid = verifies(secrets.get(path), id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body);
        AtomicInteger failures = failuresLeft.get(path);
        int status = !valid ? 401 : failures != null && failures.getAndDecrement() > 0 ? 500 : 204;
        received.add(new Received(path, id, body, valid, status, exchange.getRequestHeaders().getFirst("traceparent")));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** Standard Webhooks verification, with the usual five-minute tolerance on the timestamp. */
    static boolean verifies(String secret, String id, String timestamp, String signatureHeader, String body) {
        if (secret == null || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String candidate : signatureHeader.split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(candidate.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static String pathOf(String endpoint) {
        return java.net.URI.create(endpoint).getPath();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
