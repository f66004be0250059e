package org.scholarly.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One change or transition of an article: who, when, what. A pooled sequence keeps bulk inserts batched. */
@Entity
@Table(name = "article_history")
public class HistoryEntry extends PanacheEntityBase {

    public enum Action { CREATED, UPDATED, REFERENCES_REPLACED, TRANSITION, REFERENCE_STATUS_CHANGED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_history_seq")
    @SequenceGenerator(name = "article_history_seq", sequenceName = "article_history_seq", allocationSize = 50)
    public Long id;
    @Column(name = "article_id")
    public UUID articleId;
    public long version;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Action action;
    public String actor;
    public OffsetDateTime at;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    public String comment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "changed_fields")
    public List<String> changedFields;

    public static HistoryEntry of(Article article, Action action, String actor, OffsetDateTime at) {
        HistoryEntry entry = new HistoryEntry();
        entry.articleId = article.id;
        entry.version = article.version;
        entry.action = action;
        entry.actor = actor;
        entry.at = at;
        return entry;
    }
}
