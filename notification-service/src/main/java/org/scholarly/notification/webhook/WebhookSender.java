package org.scholarly.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.delivery.SendOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** POSTs one webhook with Standard Webhooks headers; any 2xx counts as delivered. */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final TargetPolicy policy;
    private final NotificationConfig config;

    public WebhookSender(NotificationConfig config) {
        this.config = config;
        this.policy = new TargetPolicy(config.webhook().allowPrivateTargets());
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhook().connectTimeout())
                // A redirect could lead to an address the policy would refuse.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param webhookId stable across retries, so that the receiver can drop a duplicate */
    public SendOutcome send(String target, String secret, String webhookId, String body) {
        URI uri;
        try {
            uri = policy.requireAllowed(target);
        } catch (RefusedTargetException e) {
            return SendOutcome.refused("target " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.webhook().readTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "scholarly-notification-service")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? SendOutcome.delivered(status)
                    : SendOutcome.failed(status, "receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed(null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return SendOutcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted");
        }
    }
}
