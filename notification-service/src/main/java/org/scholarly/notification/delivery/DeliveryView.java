package org.scholarly.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.scholarly.notification.subscription.Channel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A delivery with every attempt made so far, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        UUID id,
        UUID subscriptionId,
        UUID notificationId,
        Channel channel,
        String target,
        DeliveryStatus status,
        int attemptCount,
        int maxAttempts,
        OffsetDateTime nextAttemptAt,
        String lastError,
        OffsetDateTime createdAt,
        OffsetDateTime deliveredAt,
        List<Attempt> attempts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int number, OffsetDateTime attemptedAt, boolean succeeded, Integer statusCode, String error,
                          long durationMs) {
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.subscriptionId, d.notificationId, d.channel, d.target, d.status, d.attemptCount,
                d.maxAttempts, d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.lastError, d.createdAt,
                d.deliveredAt, attempts.stream().map(a -> new Attempt(a.attemptNumber, a.attemptedAt, a.succeeded,
                        a.statusCode, a.error, a.durationMs)).toList());
    }
}
