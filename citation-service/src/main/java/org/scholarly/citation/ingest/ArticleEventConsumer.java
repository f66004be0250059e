package org.scholarly.citation.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.citation.ingest.ArticleEventProcessor.ArticleEvent;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;
import org.scholarly.support.messaging.ConsumerShutdown;
import org.scholarly.support.messaging.PolledRecords;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code catalog.article-events} a poll at a time: the valid events of one poll are applied in one
 * transaction (one graph lock, one commit, one recount of each article they touch), then each record is
 * acknowledged and the throttled strategy commits the offsets in order. A record that breaks the contract is
 * dead-lettered on its own, with its reason in the headers, and the rest of the poll goes on. Failures of our own
 * infrastructure (database away, deadlock) are retried instead: dead-lettering a valid event because the database
 * restarted would lose it from the counts. Any other failure of a whole poll is narrowed down by applying its events
 * one by one, so that only the event that fails is dead-lettered.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleEventConsumer.class);
    static final int MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS = 3;

    @Inject
    ArticleEventProcessor processor;
    @Inject
    MeterRegistry registry;

    /** A valid event and the record that brought it. */
    private record Received(KafkaRecord<String, String> record, ArticleEvent event) {
    }

    @Incoming(Channels.ARTICLE_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> valid = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                CloudEvent event = validated(record.getPayload());
                valid.add(new Received(record, new ArticleEvent(event, EventCodec.dataAs(event, ArticleEventData.class))));
            } catch (InvalidEventException e) {
                deadLetter(record, "invalid", e);
            }
        }
        return PolledRecords.applyAndAcknowledge(valid, Received::record, this::applyTogether, this::applyAlone);
    }

    /** True once applied; false when a failure other than a transient one means the events go one by one. */
    private boolean applyTogether(List<Received> valid) {
        for (int attempt = 1; ; attempt++) {
            try {
                count(processor.applyAll(valid.stream().map(Received::event).toList()));
                return true;
            } catch (RuntimeException e) {
                if (!transientFailure(e)) {
                    LOG.warnf("A poll of %d events failed (%s); applying them one by one", valid.size(), e.getMessage());
                    return false;
                }
                backOff(valid.get(0).record(), attempt, e);
            }
        }
    }

    /** True once applied, false once dead-lettered. */
    private boolean applyAlone(Received received) {
        for (int attempt = 1; ; attempt++) {
            try {
                count(processor.applyAll(List.of(received.event())));
                return true;
            } catch (RuntimeException e) {
                if (!transientFailure(e) && attempt >= MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS) {
                    ConsumerShutdown.holdIfStopping();
                    deadLetter(received.record(), "processing", e);
                    return false;
                }
                backOff(received.record(), attempt, e);
            }
        }
    }

    private void count(List<ArticleEventProcessor.Outcome> outcomes) {
        outcomes.forEach(outcome ->
                registry.counter("citation_article_events_total", "outcome", outcome.name().toLowerCase()).increment());
    }

    private static void backOff(KafkaRecord<String, String> record, int attempt, RuntimeException cause) {
        Duration backoff = Duration.ofMillis(Math.min(5_000, 100L << Math.min(attempt, 6)));
        LOG.warnf("Event at %s failed on attempt %d, retrying in %s: %s", PolledRecords.position(record), attempt, backoff,
                cause.getMessage());
        PolledRecords.pause(backoff);
    }

    static CloudEvent validated(String json) {
        if (json == null) {
            throw new InvalidEventException("Record has no value");
        }
        List<String> problems = EventContract.violations(json);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("Event breaks the contract: " + String.join("; ", problems));
        }
        CloudEvent event = EventCodec.parse(json);
        if (!EventTypes.ARTICLE_TYPES.contains(event.type())) {
            throw new InvalidEventException("Event type '" + event.type() + "' does not belong on the article topic");
        }
        return event;
    }

    private void deadLetter(KafkaRecord<String, String> record, String reason, RuntimeException cause) {
        registry.counter("citation_dead_lettered_records_total", "reason", reason).increment();
        LOG.warnf("Dead-lettering record at %s: %s", PolledRecords.position(record), cause.getMessage());
        PolledRecords.deadLetter(record, cause);
    }

    /** Connection loss, serialization failure, deadlock, resource shortage: worth waiting for, never worth a DLQ. */
    static boolean transientFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // No SQLState: the pool or the driver could not reach the server.
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P");
            }
            if (t instanceof jakarta.transaction.RollbackException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
