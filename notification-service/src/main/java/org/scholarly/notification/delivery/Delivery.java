package org.scholarly.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.scholarly.notification.subscription.Channel;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One notification on its way to an email address or webhook, with its retry schedule. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public long seq;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String target;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    @Column(name = "attempt_count")
    public int attemptCount;

    @Column(name = "max_attempts")
    public int maxAttempts;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "lease_token")
    public UUID leaseToken;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    /** The traceparent of the event processing that created it; the worker's span continues that trace. */
    public String traceparent;
}
