package org.scholarly.citation.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;
import org.scholarly.support.messaging.ConsumerShutdown;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Consumes {@code catalog.article-events}. The method returns only after the effect committed; SmallRye then acks
 * and the offset is committed. A record that breaks the contract is thrown back, which the channel's
 * {@code dead-letter-queue} strategy sends to the DLQ with the reason in its headers, and the partition moves on.
 * Failures of our own infrastructure (database away, deadlock) are retried instead: dead-lettering a valid event
 * because the database restarted would lose it from the counts.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private static final Logger LOG = Logger.getLogger(ArticleEventConsumer.class);
    static final int MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS = 3;

    @Inject
    ArticleEventProcessor processor;
    @Inject
    MeterRegistry registry;

    @Incoming(Channels.ARTICLE_EVENTS)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws InterruptedException {
        CloudEvent event;
        ArticleEventData data;
        try {
            event = validated(record.value());
            data = EventCodec.dataAs(event, ArticleEventData.class);
        } catch (InvalidEventException e) {
            throw deadLetter(record, "invalid", e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                ArticleEventProcessor.Outcome outcome = processor.apply(event, data);
                registry.counter("citation_article_events_total", "outcome", outcome.name().toLowerCase()).increment();
                return;
            } catch (RuntimeException e) {
                if (!transientFailure(e) && attempt >= MAX_ATTEMPTS_FOR_UNEXPECTED_ERRORS) {
                    ConsumerShutdown.holdIfStopping();
                    throw deadLetter(record, "processing", e);
                }
                Duration backoff = Duration.ofMillis(Math.min(5_000, 100L << Math.min(attempt, 6)));
                LOG.warnf("Event %s (partition %d, offset %d) failed on attempt %d, retrying in %s: %s",
                        event.id(), record.partition(), record.offset(), attempt, backoff, e.getMessage());
                Thread.sleep(backoff.toMillis());
            }
        }
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

    private RuntimeException deadLetter(ConsumerRecord<String, String> record, String reason, RuntimeException cause) {
        registry.counter("citation_dead_lettered_records_total", "reason", reason).increment();
        LOG.warnf("Dead-lettering record at partition %d, offset %d: %s", record.partition(), record.offset(), cause.getMessage());
        return cause;
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
