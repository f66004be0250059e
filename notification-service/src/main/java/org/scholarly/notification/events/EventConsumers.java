package org.scholarly.notification.events;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.scholarly.contract.CloudEvent;
import org.scholarly.support.messaging.ConsumerFailurePolicy;
import org.scholarly.support.messaging.ConsumerFailurePolicy.Consumption;
import org.scholarly.support.messaging.TopicContract;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Consumes the catalog and citation topics a record at a time. A record is acknowledged (and its offset later
 * committed) only after {@link NotificationService#record} committed. Failures follow the platform's one policy
 * ({@link ConsumerFailurePolicy}): a database outage is waited out however long it lasts, a record that breaks the
 * contract is dead-lettered, and a record that keeps failing for another reason is dead-lettered after a few attempts.
 * Every type of both topics can lead to a notification, so none is ignored here.
 */
@ApplicationScoped
public class EventConsumers {

    private final ConsumerFailurePolicy policy;
    private final Consumption<CloudEvent> articleEvents;
    private final Consumption<CloudEvent> citationEvents;

    public EventConsumers(ConsumerFailurePolicy policy, NotificationService notifications) {
        this.policy = policy;
        this.articleEvents = consumption(Channels.ARTICLE_EVENTS_IN, TopicContract.ARTICLE_EVENTS, notifications);
        this.citationEvents = consumption(Channels.CITATION_EVENTS_IN, TopicContract.CITATION_EVENTS, notifications);
    }

    @Incoming(Channels.ARTICLE_EVENTS_IN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> onArticleEvent(KafkaRecord<String, String> record) {
        return policy.consume(articleEvents, List.of(record));
    }

    @Incoming(Channels.CITATION_EVENTS_IN)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @Blocking
    public CompletionStage<Void> onCitationEvent(KafkaRecord<String, String> record) {
        return policy.consume(citationEvents, List.of(record));
    }

    private static Consumption<CloudEvent> consumption(String channel, TopicContract topic, NotificationService notifications) {
        // One record per call: the list holds a single event, recorded in its own transaction.
        return new Consumption<>(channel, topic, topic.types(), Function.identity(), events -> events.forEach(notifications::record));
    }
}
