package org.scholarly.notification.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventTypes;
import org.scholarly.notification.config.NotificationConfig;
import org.scholarly.notification.subscription.Channel;
import org.scholarly.notification.subscription.Subscription;
import org.scholarly.support.tracing.Traceparents;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns one event into at most one notification per matching subscription, together with the delivery or inbox
 * message it needs, all in one transaction. A notification that exists already is skipped (unique constraints),
 * which is what makes redelivery and replay of the topics harmless.
 */
@ApplicationScoped
public class NotificationService {

    private final EntityManager em;
    private final ArticleSnapshots snapshots;
    private final OccurrenceRules rules;
    private final NotificationRenderer renderer;
    private final NotificationConfig config;

    public NotificationService(EntityManager em, ArticleSnapshots snapshots, OccurrenceRules rules,
                               NotificationRenderer renderer, NotificationConfig config) {
        this.em = em;
        this.snapshots = snapshots;
        this.rules = rules;
        this.renderer = renderer;
        this.config = config;
    }

    /** @return how many notifications this call created (0 for an event seen before) */
    @Transactional
    public int record(CloudEvent event) {
        if (EventTypes.ARTICLE_TYPES.contains(event.type())) {
            snapshots.remember(EventCodec.dataAs(event, ArticleEventData.class));
        }
        Occurrence occurrence = rules.interpret(event).orElse(null);
        if (occurrence == null) {
            return 0;
        }
        int created = 0;
        for (Subscription subscription : subscribersOf(occurrence, event)) {
            if (notify(subscription, occurrence, event)) {
                created++;
            }
        }
        return created;
    }

    /**
     * Subscriptions that ask for this type and whose filters match. A subscription hears only about events that
     * happened after it was created, so a replay does not flood a new subscriber with history.
     */
    private List<Subscription> subscribersOf(Occurrence occurrence, CloudEvent event) {
        List<Subscription> candidates = Subscription.<Subscription>find("""
                        deletedAt is null and createdAt <= :time
                        and (journalId is null or journalId = :journal)
                        and (articleId is null or articleId = :article)""",
                Parameters.with("time", event.time())
                        .and("journal", occurrence.journalId())
                        .and("article", occurrence.articleId())).list();
        return candidates.stream().filter(s -> Arrays.asList(s.eventTypes).contains(occurrence.type())).toList();
    }

    private boolean notify(Subscription subscription, Occurrence occurrence, CloudEvent event) {
        UUID notificationId = UUID.randomUUID();
        NotificationRenderer.Rendered rendered = renderer.render(occurrence, subscription.locale);
        int inserted = em.createNativeQuery("""
                        INSERT INTO notification (id, subscription_id, event_id, event_type, notification_type, dedupe_key,
                                                  subject, body, payload)
                        VALUES (:id, :subscription, :eventId, :eventType, :type, :dedupeKey, :subject, :body, :payload)
                        ON CONFLICT DO NOTHING""")
                .setParameter("id", notificationId)
                .setParameter("subscription", subscription.id)
                .setParameter("eventId", event.id())
                .setParameter("eventType", event.type())
                .setParameter("type", occurrence.type())
                .setParameter("dedupeKey", occurrence.dedupeKey())
                .setParameter("subject", rendered.subject())
                .setParameter("body", rendered.body())
                .setParameter("payload", payload(notificationId, subscription, occurrence, event, rendered))
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (subscription.channel == Channel.INBOX) {
            em.createNativeQuery("""
                            INSERT INTO inbox_message (id, recipient, notification_id, notification_type, subject, body)
                            VALUES (:id, :recipient, :notification, :type, :subject, :body)""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("recipient", subscription.target)
                    .setParameter("notification", notificationId)
                    .setParameter("type", occurrence.type())
                    .setParameter("subject", rendered.subject())
                    .setParameter("body", rendered.body())
                    .executeUpdate();
        } else {
            em.createNativeQuery("""
                            INSERT INTO delivery (id, notification_id, subscription_id, channel, target, status, max_attempts,
                                                  next_attempt_at, traceparent)
                            VALUES (:id, :notification, :subscription, :channel, :target, 'PENDING', :maxAttempts, now(),
                                    NULLIF(:traceparent, ''))""")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("notification", notificationId)
                    .setParameter("subscription", subscription.id)
                    .setParameter("channel", subscription.channel.name())
                    .setParameter("target", subscription.target)
                    .setParameter("maxAttempts", config.delivery().retry().maxAttempts())
                    // The delivery is sent later, by a worker that continues this event's trace from here.
                    .setParameter("traceparent", Objects.requireNonNullElse(Traceparents.current(), ""))
                    .executeUpdate();
        }
        return true;
    }

    /** The webhook body: {@code type}, {@code timestamp} and {@code data}, as Standard Webhooks suggests. */
    private static String payload(UUID notificationId, Subscription subscription, Occurrence occurrence, CloudEvent event,
                                  NotificationRenderer.Rendered rendered) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        root.put("type", occurrence.type());
        root.put("timestamp", event.time().toString());
        ObjectNode data = root.putObject("data");
        data.put("notificationId", notificationId.toString());
        data.put("subscriptionId", subscription.id.toString());
        data.put("eventId", event.id());
        data.put("eventType", event.type());
        if (occurrence.articleId() != null) {
            data.put("articleId", occurrence.articleId().toString());
        }
        if (occurrence.journalId() != null) {
            data.put("journalId", occurrence.journalId().toString());
        }
        data.set("articleTitles", EventCodec.mapper().valueToTree(occurrence.articleTitles()));
        data.set("journalTitles", EventCodec.mapper().valueToTree(occurrence.journalTitles()));
        data.set("details", EventCodec.mapper().valueToTree(occurrence.details()));
        data.put("subject", rendered.subject());
        try {
            return EventCodec.mapper().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
