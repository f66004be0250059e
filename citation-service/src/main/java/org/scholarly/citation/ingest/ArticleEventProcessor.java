package org.scholarly.citation.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.graph.CitationGraph;
import org.scholarly.citation.graph.GraphLock;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Applies one catalog event in one transaction: the event id is recorded, the snapshot applied if it is newer than
 * the stored version, and the resulting events appended to the outbox, all or nothing. Returns only after commit.
 */
@ApplicationScoped
public class ArticleEventProcessor {

    public enum Outcome { APPLIED, DUPLICATE_EVENT, STALE_VERSION }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationGraph graph;

    @Transactional
    public Outcome apply(CloudEvent event, ArticleEventData data) {
        try (Connection c = dataSource.getConnection()) {
            GraphLock.acquire(c);
            if (!markProcessed(c, event, data)) {
                return Outcome.DUPLICATE_EVENT;
            }
            Optional<ArticleRow> stored = ArticleStore.lock(c, data.articleId());
            if (stored.isPresent() && data.version() <= stored.get().version()) {
                return Outcome.STALE_VERSION;
            }
            graph.apply(c, stored, data);
            return Outcome.APPLIED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply event " + event.id() + ": " + e.getMessage(), e);
        }
    }

    private static boolean markProcessed(Connection c, CloudEvent event, ArticleEventData data) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO processed_event (event_id, event_type, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, event.id());
            s.setString(2, event.type());
            s.setObject(3, data.articleId());
            return s.executeUpdate() == 1;
        }
    }
}
