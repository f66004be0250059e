package org.scholarly.notification.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.email.EmailSender;
import org.scholarly.notification.subscription.Channel;
import org.scholarly.notification.webhook.WebhookSender;
import org.scholarly.support.tracing.EventTracing;
import org.scholarly.support.tracing.TracedScope;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Works through due deliveries. The schedule lives only in the {@code delivery} table, so any worker, on any
 * instance or after a restart, picks up where another left off.
 *
 * <p>A claim leases rows ({@code FOR UPDATE SKIP LOCKED}, then a lease token and a later {@code next_attempt_at})
 * and commits before sending, so no transaction stays open during network calls, and no two workers, here or on
 * another instance, hold the same delivery at once. A worker that dies mid-send leaves the lease to expire and
 * the delivery is tried again: at least once, with a stable {@code webhook-id} that lets receivers drop the
 * duplicate.
 *
 * <p>Up to {@code notification.delivery.workers} deliveries are in flight at once, one per worker thread. Each
 * poll claims as many due deliveries as there are idle workers; a worker that finishes claims the next due
 * delivery itself, one at a time, so that a slow receiver delays nothing but its own delivery and a backlog
 * drains without waiting for the next poll.
 */
@ApplicationScoped
public class DeliveryWorker {

    public static final String JOB = "delivery-worker";
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    record Claim(UUID deliveryId, UUID leaseToken, Channel channel, String target, String subject, String body,
                 String payload, String secret, String traceparent) {
    }

    private final EntityManager em;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final NotificationConfig config;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final EventTracing tracing;
    private final ExecutorService workers;
    /** Workers with a delivery in hand; only {@link #poll()} adds to it, so it never exceeds the pool. */
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean stopping;

    public DeliveryWorker(EntityManager em, WebhookSender webhooks, EmailSender email, NotificationConfig config,
                          Scheduler scheduler, MeterRegistry registry, EventTracing tracing) {
        this.tracing = tracing;
        this.em = em;
        this.webhooks = webhooks;
        this.email = email;
        this.config = config;
        this.scheduler = scheduler;
        this.backoff = new Backoff(config.delivery().retry(), new Random());
        Gauge.builder("notification.deliveries.in.flight", busy, AtomicInteger::get)
                .description("Deliveries being sent by this instance right now, at most notification.delivery.workers")
                .register(registry);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.delivery().workers(), r -> {
            Thread t = new Thread(r, "delivery-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** A lease that could run out mid-send would let a second worker send the same delivery at the same time. */
    void requireLeaseLongerThanAnySend(@Observes StartupEvent started) {
        Duration lease = config.delivery().lease();
        for (Duration deadline : List.of(config.webhook().deadline(), config.email().deadline())) {
            if (lease.compareTo(deadline) <= 0) {
                throw new IllegalStateException("notification.delivery.lease (" + lease + ") must be longer than the "
                        + "webhook and email deadlines (" + deadline + ")");
            }
        }
        if (config.delivery().workers() < 1) {
            throw new IllegalStateException("notification.delivery.workers must be at least 1");
        }
    }

    @Scheduled(identity = JOB, every = "${notification.delivery.poll-interval}", delayed = "${notification.delivery.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.delivery().enabled() || stopping) {
            return;
        }
        int idle = Math.min(config.delivery().workers() - busy.get(), config.delivery().batchSize());
        if (idle <= 0) {
            return;
        }
        for (Claim claim : QuarkusTransaction.requiringNew().call(() -> claimDue(idle))) {
            busy.incrementAndGet();
            try {
                workers.execute(() -> work(claim));
            } catch (RejectedExecutionException e) {
                busy.decrementAndGet(); // shutting down: the lease runs out and another instance takes over
            }
        }
    }

    /**
     * Delivers the claim, then keeps claiming and delivering one due delivery at a time until none is due, or
     * until the job is paused: pausing it stops every worker after its current delivery.
     */
    private void work(Claim first) {
        try {
            Optional<Claim> claim = Optional.of(first);
            while (claim.isPresent()) {
                attempt(claim.get());
                claim = stopping || scheduler.isPaused(JOB) ? Optional.empty()
                        : QuarkusTransaction.requiringNew().call(() -> claimDue(1)).stream().findFirst();
            }
        } catch (RuntimeException e) {
            // A database hiccup: the lease of whatever was claimed runs out and the next poll starts afresh.
            LOG.errorf(e, "Delivery worker stopped early");
        } finally {
            busy.decrementAndGet();
        }
    }

    /** In the trace of the event that caused the delivery: the webhook receiver gets its traceparent too. */
    private void attempt(Claim claim) {
        Span span = tracing.startContinuation(claim.channel().name().toLowerCase(Locale.ROOT) + " delivery", SpanKind.CLIENT,
                claim.traceparent());
        try (TracedScope scope = TracedScope.enter(span)) {
            long started = System.nanoTime();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            SendOutcome outcome = send(claim);
            long millis = (System.nanoTime() - started) / 1_000_000;
            QuarkusTransaction.requiringNew().run(() -> record(claim, outcome, at, millis));
        } finally {
            span.end();
        }
    }

    /** Sends in flight end by their deadlines; an interrupted one is recorded as a failed attempt and retried. */
    @PreDestroy
    void stop() {
        stopping = true;
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claimDue(int limit) {
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
                .setParameter("batch", limit)
                .setParameter("token", token)
                .setParameter("lease", (double) config.delivery().lease().toSeconds())
                .getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.id, d.channel, d.target, n.subject, n.body, n.payload, s.secret, d.traceparent
                        FROM delivery d
                        JOIN notification n ON n.id = d.notification_id
                        JOIN subscription s ON s.id = d.subscription_id
                        WHERE d.lease_token = :token
                        ORDER BY d.next_attempt_at, d.seq""")
                .setParameter("token", token)
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], token, Channel.valueOf((String) r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7])).toList();
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
            LOG.infof("Delivery %s (%s) delivered on attempt %d", d.id, d.channel, d.attemptCount);
        } else if (outcome.permanent() || d.attemptCount >= d.maxAttempts) {
            d.status = DeliveryStatus.FAILED;
            d.lastError = outcome.error();
            LOG.infof("Delivery %s (%s) failed for good after %d attempts: %s", d.id, d.channel, d.attemptCount, outcome.error());
        } else {
            d.nextAttemptAt = now.plus(backoff.after(d.attemptCount));
            d.lastError = outcome.error();
            LOG.debugf("Delivery %s attempt %d failed (%s); next attempt at %s", d.id, d.attemptCount, outcome.error(), d.nextAttemptAt);
        }
    }
}
