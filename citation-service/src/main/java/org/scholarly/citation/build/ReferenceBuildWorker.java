package org.scholarly.citation.build;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.scholarly.citation.CitationConfig;
import org.scholarly.citation.graph.CitationGraph;
import org.scholarly.citation.graph.GraphChanges;
import org.scholarly.citation.reference.ReferenceStatusService;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/**
 * Works through campaigns in the background, one article per transaction: its references are resolved again
 * against today's catalog, its links and counts follow, it becomes BUILT or PARTIAL (FAILED on error), and the
 * campaign finishes when nothing is pending. Several instances share the work through {@code SKIP LOCKED}.
 */
@ApplicationScoped
public class ReferenceBuildWorker {

    private static final Logger LOG = Logger.getLogger(ReferenceBuildWorker.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationGraph graph;
    @Inject
    ReferenceStatusService statuses;
    @Inject
    ReferenceBuildService builds;
    @Inject
    CitationConfig config;

    record Item(UUID buildId, UUID articleId) {
    }

    @Scheduled(every = "${citation.builds.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws InterruptedException {
        // The graph lock is shared with the event consumer: an idle poll looks without it.
        if (!anyPending()) {
            return;
        }
        while (true) {
            int processed = 0;
            while (processed < config.builds().batchSize() && buildNext()) {
                processed++;
            }
            if (processed < config.builds().batchSize()) {
                return;
            }
            Thread.sleep(config.builds().pause().toMillis());
        }
    }

    /** Builds one pending article; false when nothing is pending. */
    public boolean buildNext() {
        Item[] picked = new Item[1];
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    String startSnapshot = GraphChanges.start(c);
                    picked[0] = next(c);
                    if (picked[0] == null) {
                        return false;
                    }
                    build(c, picked[0]);
                    // A rebuild reads candidates as the consumer does, and may miss an arrival committing meanwhile.
                    GraphChanges.record(c, startSnapshot, Set.of(picked[0].articleId()), Set.of());
                    return true;
                }
            });
        } catch (RuntimeException e) {
            if (picked[0] == null) {
                throw e;
            }
            LOG.errorf(e, "Reference build %s could not build article %s", picked[0].buildId(), picked[0].articleId());
            QuarkusTransaction.requiringNew().run(() -> markFailed(picked[0]));
            return true;
        }
    }

    private boolean anyPending() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM reference_build_item WHERE state = 'PENDING') AS pending");
             ResultSet r = s.executeQuery()) {
            return r.next() && r.getBoolean("pending");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look for pending reference builds: " + e.getMessage(), e);
        }
    }

    private static Item next(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT i.build_id, i.article_id FROM reference_build_item i JOIN reference_build b ON b.id = i.build_id
                WHERE i.state = 'PENDING' ORDER BY b.created_at, i.article_id LIMIT 1 FOR UPDATE OF i SKIP LOCKED""")) {
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Item(r.getObject("build_id", UUID.class), r.getObject("article_id", UUID.class)) : null;
            }
        }
    }

    private void build(Connection c, Item item) throws SQLException {
        int[] outcome = graph.rebuild(c, item.articleId());
        try (PreparedStatement s = c.prepareStatement("UPDATE article SET built_at = now() WHERE id = ?")) {
            s.setObject(1, item.articleId());
            s.executeUpdate();
        }
        finishItem(c, item, outcome[1] == 0 ? "BUILT" : "PARTIAL", outcome[0], outcome[1]);
        statuses.refresh(c, item.articleId());
        builds.finishIfDone(c, item.buildId());
    }

    private void markFailed(Item item) {
        try (Connection c = dataSource.getConnection()) {
            finishItem(c, item, "FAILED", 0, 0);
            statuses.fail(c, item.articleId(), item.buildId());
            builds.finishIfDone(c, item.buildId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void finishItem(Connection c, Item item, String outcome, int resolved, int unresolved) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reference_build_item SET state = 'DONE', outcome = ?, resolved_references = ?, unresolved_references = ?,
                    done_at = now() WHERE build_id = ? AND article_id = ?""")) {
            s.setString(1, outcome);
            s.setInt(2, resolved);
            s.setInt(3, unresolved);
            s.setObject(4, item.buildId());
            s.setObject(5, item.articleId());
            s.executeUpdate();
        }
    }
}
