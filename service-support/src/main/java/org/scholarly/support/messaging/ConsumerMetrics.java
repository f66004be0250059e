package org.scholarly.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same counters in every service: {@code consumer_records_total{channel, outcome}} with outcome
 * {@code applied}, {@code ignored} or {@code dead_lettered}, and {@code consumer_retries_total{channel, kind}} with
 * kind {@code transient} or {@code unexpected}. All of a channel's series exist from its first record on, at 0, so
 * that "nothing was dead-lettered" can be read as a 0 rather than as an absent series.
 */
@ApplicationScoped
public class ConsumerMetrics {

    public enum Outcome { APPLIED, IGNORED, DEAD_LETTERED }

    private final MeterRegistry registry;
    private final Map<String, Map<Outcome, Counter>> records = new ConcurrentHashMap<>();
    private final Map<String, Map<FailureKind, Counter>> retries = new ConcurrentHashMap<>();

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String channel, Outcome outcome, int records) {
        if (records > 0) {
            recordCounters(channel).get(outcome).increment(records);
        } else {
            recordCounters(channel);
        }
    }

    public void retried(String channel, FailureKind kind) {
        retryCounters(channel).get(kind).increment();
    }

    private Map<Outcome, Counter> recordCounters(String channel) {
        return records.computeIfAbsent(channel, c -> {
            Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                counters.put(outcome, Counter.builder("consumer.records")
                        .description("Records a consumer finished with: applied, ignored (a type of the topic it has no use for) or dead-lettered")
                        .tag("channel", c).tag("outcome", outcome.name().toLowerCase())
                        .register(registry));
            }
            retryCounters(c);
            return counters;
        });
    }

    private Map<FailureKind, Counter> retryCounters(String channel) {
        return retries.computeIfAbsent(channel, c -> {
            Map<FailureKind, Counter> counters = new EnumMap<>(FailureKind.class);
            for (FailureKind kind : new FailureKind[]{FailureKind.TRANSIENT, FailureKind.UNEXPECTED}) {
                counters.put(kind, Counter.builder("consumer.retries")
                        .description("Attempts repeated after a transient (database, broker) or an unexpected failure")
                        .tag("channel", c).tag("kind", kind.name().toLowerCase())
                        .register(registry));
            }
            return counters;
        });
    }
}
