package org.scholarly.citation.graph;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.scholarly.citation.article.ArticleLookupKeys;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.reference.ReferenceStore;
import org.scholarly.citation.reference.StoredReference;
import org.scholarly.citation.resolution.ReferenceResolver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gives the rows stored before lookup keys existed (migration V9) their keys, a batch at a time, so that an upgraded
 * catalog finds its old articles and open references as it finds new ones. Finishes once and then costs one
 * indexed look-up per tick.
 */
@ApplicationScoped
public class LookupKeyBackfill {

    private static final Logger LOG = Logger.getLogger(LookupKeyBackfill.class);
    static final int BATCH = 500;

    @Inject
    AgroalDataSource dataSource;

    @Scheduled(every = "${citation.lookup-keys.backfill-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        while (backfillBatch() > 0) {
            // until none is left
        }
    }

    /** Returns how many articles and references it gave keys. */
    @Transactional
    public int backfillBatch() {
        try (Connection c = dataSource.getConnection()) {
            int done = articles(c) + references(c);
            if (done > 0) {
                LOG.infof("Lookup keys written for %d rows stored before they existed", done);
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not backfill lookup keys: " + e.getMessage(), e);
        }
    }

    private static int articles(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM article WHERE NOT lookup_keys_written ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
            s.setInt(1, BATCH);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject("id", UUID.class));
                }
            }
        }
        for (UUID id : ids) {
            var row = ArticleStore.find(c, id).orElseThrow();
            ArticleLookupKeys.replace(c, null, row);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE article SET lookup_keys_written = true WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        }
        return ids.size();
    }

    /** Open references of before V9 carry the marker {0}: a hash, never a real key in practice, and indexed. */
    private static int references(Connection c) throws SQLException {
        List<StoredReference> pending = ReferenceStore.awaitingLookupKeys(c, BATCH);
        for (StoredReference reference : pending) {
            ReferenceStore.updateResolution(c, reference.citingArticleId(), reference.position(),
                    ReferenceResolver.prepare(reference.input()), reference.resolution());
        }
        return pending.size();
    }
}
