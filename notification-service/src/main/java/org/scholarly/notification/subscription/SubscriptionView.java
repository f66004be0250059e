package org.scholarly.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A subscription as the API shows it; {@code secret} appears only in the creation response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(
        UUID id,
        Channel channel,
        String target,
        List<String> eventTypes,
        UUID journalId,
        UUID articleId,
        String locale,
        String createdBy,
        OffsetDateTime createdAt,
        String secret) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.channel, s.target, List.of(s.eventTypes), s.journalId, s.articleId,
                s.locale, s.createdBy, s.createdAt, null);
    }

    SubscriptionView withSecret(String secret) {
        return new SubscriptionView(id, channel, target, eventTypes, journalId, articleId, locale, createdBy, createdAt, secret);
    }
}
