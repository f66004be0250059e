package org.scholarly.notification.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.EventCodec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The newest article snapshot seen on the catalog topic. Only a higher version replaces a stored one, so
 * redelivered and reordered events cannot roll it back.
 */
@ApplicationScoped
public class ArticleSnapshots {

    private static final TypeReference<Map<String, String>> LOCALIZED = new TypeReference<>() {
    };

    public record Snapshot(UUID journalId, Map<String, String> titles, Map<String, String> journalTitles) {
    }

    private final EntityManager em;

    public ArticleSnapshots(EntityManager em) {
        this.em = em;
    }

    /** Call inside the transaction that records the event's notifications. */
    public void remember(ArticleEventData article) {
        em.createNativeQuery("""
                        INSERT INTO article_snapshot (article_id, version, journal_id, titles, journal_titles)
                        VALUES (:article, :version, :journal, :titles, :journalTitles)
                        ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, journal_id = excluded.journal_id,
                            titles = excluded.titles, journal_titles = excluded.journal_titles, updated_at = now()
                        WHERE article_snapshot.version < excluded.version""")
                .setParameter("article", article.articleId())
                .setParameter("version", article.version())
                .setParameter("journal", article.journal() == null ? null : article.journal().id())
                .setParameter("titles", json(article.titles()))
                .setParameter("journalTitles", json(article.journal() == null ? Map.of() : article.journal().titles()))
                .executeUpdate();
    }

    public Optional<Snapshot> find(UUID articleId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT journal_id, titles, journal_titles FROM article_snapshot WHERE article_id = :article")
                .setParameter("article", articleId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Snapshot((UUID) r[0], map((String) r[1]), map((String) r[2])));
    }

    private static String json(Map<String, String> value) {
        try {
            return EventCodec.mapper().writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> map(String json) {
        try {
            return EventCodec.mapper().readValue(json, LOCALIZED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
