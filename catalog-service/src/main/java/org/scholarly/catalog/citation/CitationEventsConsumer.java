package org.scholarly.catalog.citation;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.InvalidEventException;
import org.scholarly.support.messaging.ConsumerShutdown;
import org.scholarly.support.messaging.PolledRecords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Keeps each article's reference status, notice and citation summary current from citation.events, a poll at a
 * time: the poll's events commit together, then each record is acknowledged and its offset committed. A bulk ingest
 * makes the citation-service publish thousands of these small events, and one commit each would leave the catalog
 * behind. An event that breaks the contract is sent to citation.events.dlq on its own; a database hiccup is retried;
 * a poll that still fails is applied event by event, so that only the event at fault is dead-lettered.
 */
@ApplicationScoped
public class CitationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CitationEventsConsumer.class);
    private static final int ATTEMPTS = 5;

    @Inject
    CitationEffects effects;

    /** An event this service applies and the record that brought it. */
    private record Received(KafkaRecord<String, String> record, CloudEvent event) {
    }

    @Incoming(Channels.CITATION_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<Received> relevant = new ArrayList<>();
        List<KafkaRecord<String, String>> irrelevant = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                EventContract.requireValid(record.getPayload());
                CloudEvent event = EventCodec.parse(record.getPayload());
                if (EventTypes.REFERENCE_STATUS_CHANGED.equals(event.type()) || EventTypes.CITATION_COUNTS_CHANGED.equals(event.type())) {
                    relevant.add(new Received(record, event));
                } else {
                    irrelevant.add(record); // reference-build.finished and the like concern other consumers
                }
            } catch (InvalidEventException e) {
                LOG.warnf("Dead-lettering record at %s: %s", PolledRecords.position(record), e.getMessage());
                PolledRecords.deadLetter(record, e);
            }
        }
        CompletionStage<Void> applied = PolledRecords.applyAndAcknowledge(relevant, Received::record, this::applyTogether, this::applyAlone);
        return applied.thenCombine(PolledRecords.acknowledge(irrelevant), (a, b) -> null);
    }

    private boolean applyTogether(List<Received> relevant) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                List<CitationEffects.Result> results = effects.applyAll(relevant.stream().map(Received::event).toList());
                LOG.debugf("Applied %d events: %s", relevant.size(), results);
                return true;
            } catch (InvalidEventException e) {
                return false;
            } catch (RuntimeException e) {
                LOG.warnf("Applying a poll of %d events failed (%s); attempt %d of %d", relevant.size(), e.getMessage(), attempt, ATTEMPTS);
                PolledRecords.pause(Duration.ofMillis(200L * attempt));
            }
        }
        return false;
    }

    /** True once applied, false once dead-lettered. */
    private boolean applyAlone(Received received) {
        for (int attempt = 1; ; attempt++) {
            try {
                effects.apply(received.event());
                return true;
            } catch (RuntimeException e) {
                if (e instanceof InvalidEventException || attempt == ATTEMPTS) {
                    ConsumerShutdown.holdIfStopping();
                    LOG.warnf("Dead-lettering record at %s: %s", PolledRecords.position(received.record()), e.getMessage());
                    PolledRecords.deadLetter(received.record(), e);
                    return false;
                }
                LOG.warnf("Applying event %s failed (%s); attempt %d of %d", received.event().id(), e.getMessage(), attempt, ATTEMPTS);
                PolledRecords.pause(Duration.ofMillis(200L * attempt));
            }
        }
    }
}
