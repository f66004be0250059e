package org.scholarly.citation.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.counts.CountStore;
import org.scholarly.citation.graph.CitationGraph;
import org.scholarly.citation.graph.GraphLock;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies catalog events in one transaction: each event id is recorded, each snapshot applied if it is newer than
 * the stored version, the counters of every article whose links moved recounted once, and the resulting events
 * appended to the outbox, all or nothing. Returns only after commit.
 */
@ApplicationScoped
public class ArticleEventProcessor {

    public enum Outcome { APPLIED, DUPLICATE_EVENT, STALE_VERSION }

    /** One event as the consumer validated it. */
    public record ArticleEvent(CloudEvent event, ArticleEventData data) {
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationGraph graph;

    @Transactional
    public Outcome apply(CloudEvent event, ArticleEventData data) {
        return applyAll(List.of(new ArticleEvent(event, data))).get(0);
    }

    /** The events in their order (one article's events arrive in version order on its partition); one outcome each. */
    @Transactional
    public List<Outcome> applyAll(List<ArticleEvent> events) {
        try (Connection c = dataSource.getConnection()) {
            GraphLock.acquire(c);
            List<Outcome> outcomes = new ArrayList<>(events.size());
            Set<UUID> countsToRefresh = new HashSet<>();
            for (ArticleEvent event : events) {
                outcomes.add(applyOne(c, event, countsToRefresh));
            }
            CountStore.refresh(c, countsToRefresh);
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + events.size() + " events, the first "
                    + events.get(0).event().id() + ": " + e.getMessage(), e);
        }
    }

    private Outcome applyOne(Connection c, ArticleEvent event, Set<UUID> countsToRefresh) throws SQLException {
        if (!markProcessed(c, event.event(), event.data())) {
            return Outcome.DUPLICATE_EVENT;
        }
        Optional<ArticleRow> stored = ArticleStore.lock(c, event.data().articleId());
        if (stored.isPresent() && event.data().version() <= stored.get().version()) {
            return Outcome.STALE_VERSION;
        }
        countsToRefresh.addAll(graph.apply(c, stored, event.data()));
        return Outcome.APPLIED;
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
