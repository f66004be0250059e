package org.scholarly.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.email.EmailSender;
import org.scholarly.notification.subscription.Channel;
import org.scholarly.notification.webhook.WebhookSender;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Works through due deliveries. The schedule lives only in the {@code delivery} table, so any worker, on any
 * instance or after a restart, picks up where another left off.
 *
 * <p>A claim leases rows ({@code FOR UPDATE SKIP LOCKED}, then a lease token and a later {@code next_attempt_at})
 * and commits before sending, so no transaction stays open during network calls. A worker that dies mid-send
 * leaves the lease to expire and the delivery is tried again: at least once, with a stable {@code webhook-id}
 * that lets receivers drop the duplicate.
 */
@ApplicationScoped
public class DeliveryWorker {

    public static final String JOB = "delivery-worker";
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    record Claim(UUID deliveryId, UUID leaseToken, Channel channel, String target, String subject, String body,
                 String payload, String secret) {
    }

    private final EntityManager em;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final NotificationConfig config;
    private final Backoff backoff;

    public DeliveryWorker(EntityManager em, WebhookSender webhooks, EmailSender email, NotificationConfig config) {
        this.em = em;
        this.webhooks = webhooks;
        this.email = email;
        this.config = config;
        this.backoff = new Backoff(config.delivery().retry(), new Random());
    }

    @Scheduled(identity = JOB, every = "${notification.delivery.poll-interval}", delayed = "${notification.delivery.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (config.delivery().enabled()) {
            runDue();
        }
    }

    /** Sends every delivery that is due now; returns how many were attempted. */
    public int runDue() {
        int attempted = 0;
        while (true) {
            List<Claim> claims = QuarkusTransaction.requiringNew().call(this::claimDue);
            for (Claim claim : claims) {
                long started = System.nanoTime();
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                SendOutcome outcome = send(claim);
                long millis = (System.nanoTime() - started) / 1_000_000;
                QuarkusTransaction.requiringNew().run(() -> record(claim, outcome, at, millis));
            }
            attempted += claims.size();
            if (claims.size() < config.delivery().batchSize()) {
                return attempted;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claimDue() {
        UUID token = UUID.randomUUID();
        List<Object> claimed = em.createNativeQuery("""
                        WITH due AS (
                            SELECT id FROM delivery
                            WHERE status = 'PENDING' AND next_attempt_at <= now()
                            ORDER BY next_attempt_at
                            LIMIT :batch
                            FOR UPDATE SKIP LOCKED)
                        UPDATE delivery d
                        SET lease_token = :token, next_attempt_at = now() + make_interval(secs => :lease), updated_at = now()
                        FROM due WHERE d.id = due.id
                        RETURNING d.id""")
                .setParameter("batch", config.delivery().batchSize())
                .setParameter("token", token)
                .setParameter("lease", (double) config.delivery().lease().toSeconds())
                .getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.channel, d.target, n.subject, n.body, n.payload, s.secret
                        FROM delivery d
                        JOIN notification n ON n.id = d.notification_id
                        JOIN subscription s ON s.id = d.subscription_id
                        WHERE d.lease_token = :token
                        ORDER BY d.next_attempt_at, d.seq""")
                .setParameter("token", token)
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], token, Channel.valueOf((String) r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private SendOutcome send(Claim claim) {
        try {
            return switch (claim.channel()) {
                case WEBHOOK -> webhooks.send(claim.target(), claim.secret(), claim.deliveryId().toString(), claim.payload());
                case EMAIL -> email.send(claim.target(), claim.subject(), claim.body(), claim.deliveryId().toString());
                case INBOX -> SendOutcome.refused("inbox messages are not delivered by the worker");
            };
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery %s failed unexpectedly", claim.deliveryId());
            return SendOutcome.failed(null, "unexpected: " + e.getClass().getSimpleName());
        }
    }

    private void record(Claim claim, SendOutcome outcome, OffsetDateTime at, long millis) {
        Delivery d = em.find(Delivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != DeliveryStatus.PENDING || !claim.leaseToken().equals(d.leaseToken)) {
            // Our lease expired and another worker took over (or the subscription was deleted): its record wins.
            return;
        }
        d.attemptCount++;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = d.id;
        attempt.attemptNumber = d.attemptCount;
        attempt.attemptedAt = at;
        attempt.succeeded = outcome.succeeded();
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.durationMs = millis;
        attempt.persist();

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        d.leaseToken = null;
        d.updatedAt = now;
        if (outcome.succeeded()) {
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            d.lastError = null;
        } else if (outcome.permanent() || d.attemptCount >= d.maxAttempts) {
            d.status = DeliveryStatus.FAILED;
            d.lastError = outcome.error();
        } else {
            d.nextAttemptAt = now.plus(backoff.after(d.attemptCount));
            d.lastError = outcome.error();
        }
    }
}
