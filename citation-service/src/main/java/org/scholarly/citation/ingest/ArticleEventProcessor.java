package org.scholarly.citation.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.counts.CountStore;
import org.scholarly.citation.graph.CitationGraph;
import org.scholarly.citation.graph.GraphChanges;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies catalog events in one transaction: each event id is recorded, each snapshot applied if it is newer than
 * the stored version, the counters of every article whose links moved recounted once, what the transaction could
 * have missed of concurrent ones recorded ({@link GraphChanges}), and the resulting events appended to the outbox,
 * all or nothing. Returns only after commit. No lock is taken beyond the rows it writes.
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

    /**
     * The events in their order (one article's events arrive in version order on its partition); one outcome each.
     * Each article is applied once, at the newest version of the poll; an older event of the same poll is superseded
     * inside the transaction, as if applied and then replaced.
     */
    @Transactional
    public List<Outcome> applyAll(List<ArticleEvent> events) {
        try (Connection c = dataSource.getConnection()) {
            String startSnapshot = GraphChanges.start(c);
            List<Outcome> outcomes = new ArrayList<>(events.size());
            Map<UUID, Optional<ArticleRow>> stored = new HashMap<>();
            Map<UUID, ArticleEventData> newest = new LinkedHashMap<>();
            for (ArticleEvent event : events) {
                outcomes.add(accept(c, event, stored, newest));
            }
            List<CitationGraph.Change> changes = new ArrayList<>();
            newest.forEach((id, data) -> changes.add(new CitationGraph.Change(stored.get(id), data)));
            CitationGraph.Applied applied = graph.apply(c, changes);
            CountStore.refresh(c, applied.countsToRefresh());
            GraphChanges.record(c, startSnapshot, applied.citing(), applied.arrivals());
            return outcomes;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + events.size() + " events, the first "
                    + events.get(0).event().id() + ": " + e.getMessage(), e);
        }
    }

    private Outcome accept(Connection c, ArticleEvent event, Map<UUID, Optional<ArticleRow>> stored,
                           Map<UUID, ArticleEventData> newest) throws SQLException {
        if (!markProcessed(c, event.event(), event.data())) {
            return Outcome.DUPLICATE_EVENT;
        }
        UUID id = event.data().articleId();
        if (!stored.containsKey(id)) {
            stored.put(id, ArticleStore.lock(c, id));
        }
        long current = newest.containsKey(id) ? newest.get(id).version()
                : stored.get(id).map(ArticleRow::version).orElse(Long.MIN_VALUE);
        if (event.data().version() <= current) {
            return Outcome.STALE_VERSION;
        }
        newest.put(id, event.data());
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
