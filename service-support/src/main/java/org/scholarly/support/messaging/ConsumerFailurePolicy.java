package org.scholarly.support.messaging;

import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.scholarly.contract.CloudEvent;
import org.scholarly.support.messaging.ConsumerMetrics.Outcome;
import org.scholarly.support.tracing.EventTracing;
import org.scholarly.support.tracing.TracedScope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one failure policy of every consumer on the platform.
 * <ul>
 * <li>A record that breaks its topic's contract (no value, not JSON, a schema violation, a type foreign to the
 * topic) is dead-lettered alone, at once; the rest of its poll goes on.</li>
 * <li>An event of a type the topic's contract knows but this consumer has no use for is acknowledged and counted
 * {@code ignored}.</li>
 * <li>A transient failure (database or broker away or busy) is retried without limit, with a capped exponential
 * backoff, while the consumer thread holds the partition: nothing behind it is applied or committed out of order,
 * and nothing is dead-lettered because of an outage.</li>
 * <li>A poll that fails for any other reason is applied event by event; an event that keeps failing alone is retried
 * a bounded number of times, then dead-lettered alone.</li>
 * </ul>
 * Outcomes and retries are counted by {@link ConsumerMetrics}. The processing runs in a span that continues the
 * trace of the events ({@link EventTracing}), so what it writes, logs and publishes belongs to that trace.
 */
@ApplicationScoped
public class ConsumerFailurePolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerFailurePolicy.class);

    private final ConsumerRetryConfig retry;
    private final ConsumerMetrics metrics;
    private final EventTracing tracing;

    public ConsumerFailurePolicy(ConsumerRetryConfig retry, ConsumerMetrics metrics, EventTracing tracing) {
        this.retry = retry;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /**
     * What one consumer does with a channel: the topic's contract, the types it applies, how it turns an event into
     * what it applies ({@code decode}; a failure there is the record's fault), and how it applies several of those
     * in one transaction ({@code apply}).
     */
    public record Consumption<T>(String channel, TopicContract topic, Set<String> appliedTypes,
                                 Function<CloudEvent, T> decode, Consumer<List<T>> apply) {
    }

    /** A decoded event and the record that brought it. */
    private record Item<T>(KafkaRecord<String, String> record, T value) {
    }

    /**
     * Applies the records of one poll (or a single record) under the policy and acknowledges every record that was
     * applied or ignored; the dead-letter queue acknowledged the others itself.
     */
    public <T> CompletionStage<Void> consume(Consumption<T> consumption, List<? extends KafkaRecord<String, String>> records) {
        Span span = tracing.startProcessing(consumption.topic().topic(), records.stream().map(PolledRecords::traceparent).toList());
        try (TracedScope scope = TracedScope.enter(span)) {
            return consumeTraced(consumption, records);
        } finally {
            span.end();
        }
    }

    private <T> CompletionStage<Void> consumeTraced(Consumption<T> consumption, List<? extends KafkaRecord<String, String>> records) {
        String channel = consumption.channel();
        List<Item<T>> valid = new ArrayList<>();
        List<KafkaRecord<String, String>> ignored = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                CloudEvent event = consumption.topic().read(record.getPayload());
                if (consumption.appliedTypes().contains(event.type())) {
                    valid.add(new Item<>(record, consumption.decode().apply(event)));
                } else {
                    ignored.add(record);
                }
            } catch (RuntimeException e) {
                // Reading touches nothing but the record's own bytes: whatever fails here is the record's fault.
                deadLetter(channel, record, e);
            }
        }
        metrics.count(channel, Outcome.IGNORED, ignored.size());
        CompletionStage<Void> applied = PolledRecords.applyAndAcknowledge(valid, Item::record,
                items -> applyTogether(consumption, items), item -> applyAlone(consumption, item));
        return applied.thenCombine(PolledRecords.acknowledge(ignored), (a, b) -> null);
    }

    /** True once applied; false when a failure that is not transient means the events go one by one. */
    private <T> boolean applyTogether(Consumption<T> consumption, List<Item<T>> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                consumption.apply().accept(items.stream().map(Item::value).toList());
                metrics.count(consumption.channel(), Outcome.APPLIED, items.size());
                return true;
            } catch (RuntimeException e) {
                FailureKind kind = ConsumerFailures.kindOf(e);
                if (kind != FailureKind.TRANSIENT) {
                    LOG.warnf("A poll of %d events on %s failed (%s: %s); applying them one by one", items.size(),
                            consumption.channel(), kind, e.getMessage());
                    return false;
                }
                waitBeforeRetry(consumption.channel(), items.get(0).record(), kind, attempt, e);
            }
        }
    }

    /** True once applied, false once dead-lettered. */
    private <T> boolean applyAlone(Consumption<T> consumption, Item<T> item) {
        for (int attempt = 1; ; attempt++) {
            try {
                consumption.apply().accept(List.of(item.value()));
                metrics.count(consumption.channel(), Outcome.APPLIED, 1);
                return true;
            } catch (RuntimeException e) {
                FailureKind kind = ConsumerFailures.kindOf(e);
                boolean giveUp = kind == FailureKind.CONTRACT
                        || (kind == FailureKind.UNEXPECTED && attempt >= retry.unexpectedAttempts());
                if (giveUp) {
                    deadLetter(consumption.channel(), item.record(), e);
                    return false;
                }
                waitBeforeRetry(consumption.channel(), item.record(), kind, attempt, e);
            }
        }
    }

    private void waitBeforeRetry(String channel, KafkaRecord<?, ?> record, FailureKind kind, int attempt, RuntimeException cause) {
        metrics.retried(channel, kind);
        Duration delay = delay(attempt);
        LOG.warnf("Event at %s on %s failed (%s, attempt %d), retrying in %s: %s", PolledRecords.position(record), channel,
                kind, attempt, delay, cause.getMessage());
        PolledRecords.pause(delay);
    }

    /** Exponential from {@code initial}, capped at {@code maxDelay}. */
    Duration delay(int attempt) {
        long initial = Math.max(1, retry.initial().toMillis());
        long max = Math.max(initial, retry.maxDelay().toMillis());
        int doublings = Math.min(attempt - 1, 30);
        return Duration.ofMillis(Math.min(max, initial << doublings));
    }

    private void deadLetter(String channel, KafkaRecord<?, ?> record, Throwable reason) {
        // A failure while the application stops says nothing about the record: hold it for the next run instead.
        ConsumerShutdown.holdIfStopping();
        LOG.warnf("Dead-lettering record at %s on %s: %s", PolledRecords.position(record), channel, reason.getMessage());
        PolledRecords.deadLetter(record, reason);
        metrics.count(channel, Outcome.DEAD_LETTERED, 1);
    }
}
