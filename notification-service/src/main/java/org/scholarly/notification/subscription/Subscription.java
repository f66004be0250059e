package org.scholarly.notification.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public long seq;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String target;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public String[] eventTypes;

    @Column(name = "journal_id")
    public UUID journalId;

    @Column(name = "article_id")
    public UUID articleId;

    public String locale;

    /**
     * The webhook signing secret, sealed ({@link org.scholarly.notification.webhook.WebhookSecrets}); never leaves
     * the service after the creation response, and never lies in the database in plain text.
     */
    public String secret;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
