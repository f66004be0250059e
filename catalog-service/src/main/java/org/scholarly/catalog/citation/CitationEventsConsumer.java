package org.scholarly.catalog.citation;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.messaging.ConsumerFailurePolicy;
import org.scholarly.support.messaging.ConsumerFailurePolicy.Consumption;
import org.scholarly.support.messaging.TopicContract;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Keeps each article's reference status, notice and citation summary current from citation.events, a poll at a
 * time: the poll's events commit together, then each record is acknowledged and its offset committed. A bulk ingest
 * makes the citation-service publish thousands of these small events, and one commit each would leave the catalog
 * behind. Failures follow the platform's one policy ({@link ConsumerFailurePolicy}): a database outage is waited
 * out however long it lasts, a record that breaks the contract is dead-lettered alone, and
 * {@code reference-build.finished} (for other consumers) is ignored.
 */
@ApplicationScoped
public class CitationEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CitationEventsConsumer.class);

    private final ConsumerFailurePolicy policy;
    private final Consumption<CloudEvent> consumption;

    public CitationEventsConsumer(ConsumerFailurePolicy policy, CitationEffects effects) {
        this.policy = policy;
        this.consumption = new Consumption<>(Channels.CITATION_EVENTS, TopicContract.CITATION_EVENTS,
                Set.of(EventTypes.REFERENCE_STATUS_CHANGED, EventTypes.CITATION_COUNTS_CHANGED), Function.identity(),
                events -> {
                    List<CitationEffects.Result> results = effects.applyAll(events);
                    LOG.debugf("Applied %d events: %s", events.size(), results);
                });
    }

    @Incoming(Channels.CITATION_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return policy.consume(consumption, batch.getRecords());
    }
}
