package org.scholarly.notification.webhook;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.delivery.SendOutcome;
import org.scholarly.support.tracing.Traceparents;

import java.time.Instant;

/**
 * POSTs one webhook with Standard Webhooks headers; any 2xx counts as delivered. The target is checked (and its
 * host resolved) right before the call, and the call connects to the address that was checked. Each call ends by
 * its deadline, body included, and reads a bounded part of the reply, so a receiver can hold up only its own
 * delivery.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private final TargetPolicy policy;
    private final WebhookSecrets secrets;
    private final PinnedCall call;

    @Inject
    public WebhookSender(NotificationConfig config, Vertx vertx, WebhookSecrets secrets) {
        this(new TargetPolicy(config.webhook().allowPrivateTargets()), secrets, new PinnedCall(vertx, limits(config), null));
    }

    WebhookSender(TargetPolicy policy, WebhookSecrets secrets, PinnedCall call) {
        this.policy = policy;
        this.secrets = secrets;
        this.call = call;
    }

    static PinnedCall.Limits limits(NotificationConfig config) {
        NotificationConfig.Webhook webhook = config.webhook();
        return new PinnedCall.Limits(webhook.connectTimeout(), webhook.readTimeout(), webhook.deadline(),
                webhook.maxResponseBytes().asLongValue());
    }

    /**
     * @param storedSecret the secret as stored ({@link WebhookSecrets}); plain text is accepted from older rows
     * @param webhookId    stable across retries, so that the receiver can drop a duplicate
     */
    public SendOutcome send(String target, String storedSecret, String webhookId, String body) {
        CheckedTarget checked;
        try {
            checked = policy.requireAllowed(target);
        } catch (UnresolvableTargetException e) {
            // DNS may be down for a moment; a name that never resolves runs out of attempts as usual.
            return SendOutcome.failed(null, "connection failed");
        } catch (RefusedTargetException e) {
            LOG.debugf("Webhook target refused: %s", e.getMessage());
            return SendOutcome.refused("refused target");
        }
        String secret;
        try {
            secret = secrets.open(storedSecret);
        } catch (IllegalStateException e) {
            // Another key than the one it was sealed with: retried, so that restoring the right key heals it.
            LOG.errorf("Webhook secret of delivery %s cannot be read: %s", webhookId, e.getMessage());
            return SendOutcome.failed(null, "signing secret unreadable");
        }
        long timestamp = Instant.now().getEpochSecond();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json")
                .add("User-Agent", "scholarly-notification-service")
                .add("webhook-id", webhookId)
                .add("webhook-timestamp", Long.toString(timestamp))
                .add("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body));
        String traceparent = Traceparents.current();
        if (traceparent != null) {
            // W3C Trace Context: a receiver that traces continues the trace of the article change behind the call.
            headers.add(Traceparents.HEADER, traceparent);
        }
        return call.post(checked, headers, body);
    }

    @PreDestroy
    void close() {
        call.close();
    }
}
