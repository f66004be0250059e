package org.scholarly.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.delivery.SendOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one webhook with Standard Webhooks headers; any 2xx counts as delivered. Each call ends by its deadline,
 * body included, and reads a bounded part of the reply, so a receiver can hold up only its own delivery.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

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
        Duration deadline = config.webhook().deadline();
        Duration readTimeout = config.webhook().readTimeout();
        Duration untilHeaders = readTimeout.compareTo(deadline) < 0 ? readTimeout : deadline;
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(untilHeaders)
                .header("Content-Type", "application/json")
                .header("User-Agent", "scholarly-notification-service")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        BoundedBody reply = new BoundedBody(config.webhook().maxResponseBytes().asLongValue());
        // The request timeout covers only the wait for the headers; the deadline covers the body as well.
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request, reply.handler());
        try {
            int status = call.get(deadline.toNanos(), TimeUnit.NANOSECONDS).statusCode();
            return status >= 200 && status < 300
                    ? SendOutcome.delivered(status)
                    : SendOutcome.failed(status, "receiver answered HTTP " + status);
        } catch (TimeoutException e) {
            abandon(call, reply);
            return SendOutcome.timedOut(deadline);
        } catch (ExecutionException e) {
            return failure(e.getCause(), untilHeaders);
        } catch (InterruptedException e) {
            abandon(call, reply);
            Thread.currentThread().interrupt();
            return SendOutcome.failed(null, "interrupted");
        }
    }

    /** Drops the connection: the body subscription and the exchange are both cancelled. */
    private static void abandon(CompletableFuture<?> call, BoundedBody reply) {
        reply.abandon();
        call.cancel(true);
    }

    /**
     * What went wrong, in words that name no address, port or socket state: the details stay in the debug log,
     * so that a subscriber cannot use attempts to probe what answers where.
     */
    private SendOutcome failure(Throwable cause, Duration untilHeaders) {
        LOG.debugf("Webhook call failed: %s", cause);
        if (cause instanceof HttpConnectTimeoutException) {
            return SendOutcome.timedOut(config.webhook().connectTimeout());
        }
        if (cause instanceof HttpTimeoutException) {
            return SendOutcome.timedOut(untilHeaders);
        }
        if (cause instanceof IOException) {
            return SendOutcome.failed(null, "connection failed");
        }
        LOG.errorf(cause, "Webhook call failed unexpectedly");
        return SendOutcome.failed(null, "unexpected: " + cause.getClass().getSimpleName());
    }
}
