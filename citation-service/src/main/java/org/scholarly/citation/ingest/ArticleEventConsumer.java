package org.scholarly.citation.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.scholarly.citation.ingest.ArticleEventProcessor.ArticleEvent;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.messaging.ConsumerFailurePolicy;
import org.scholarly.support.messaging.ConsumerFailurePolicy.Consumption;
import org.scholarly.support.messaging.TopicContract;

import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code catalog.article-events} a poll at a time: the valid events of one poll are applied in one
 * transaction (one graph lock, one commit, one recount of each article they touch), then each record is
 * acknowledged and the throttled strategy commits the offsets in order. Failures follow the platform's one policy
 * ({@link ConsumerFailurePolicy}): a record that breaks the contract is dead-lettered alone and the rest of its poll
 * goes on; an outage of the database is waited out, since dead-lettering a valid event because the database
 * restarted would lose it from the counts.
 */
@ApplicationScoped
public class ArticleEventConsumer {

    private final ConsumerFailurePolicy policy;
    private final Consumption<ArticleEvent> consumption;

    public ArticleEventConsumer(ConsumerFailurePolicy policy, ArticleEventProcessor processor, MeterRegistry registry) {
        this.policy = policy;
        this.consumption = new Consumption<>(Channels.ARTICLE_EVENTS, TopicContract.ARTICLE_EVENTS, EventTypes.ARTICLE_TYPES,
                event -> new ArticleEvent(event, EventCodec.dataAs(event, ArticleEventData.class)),
                events -> processor.applyAll(events).forEach(outcome ->
                        registry.counter("citation_article_events_total", "outcome", outcome.name().toLowerCase()).increment()));
    }

    @Incoming(Channels.ARTICLE_EVENTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return policy.consume(consumption, batch.getRecords());
    }
}
