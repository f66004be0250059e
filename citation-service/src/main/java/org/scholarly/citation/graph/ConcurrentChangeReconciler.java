package org.scholarly.citation.graph;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.scholarly.citation.counts.CountStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Closes the race between graph transactions that ran at the same time ({@link GraphChanges}). For each recorded
 * transaction X not yet reconciled, and each recorded transaction P that could not see X nor X see P, it looks at
 * X's open references against P's arrivals and at P's open references against X's arrivals, now that both have
 * committed. Every such pair is handled: the rows are read only once committed, a pair is taken up when the later of
 * its two rows is reconciled (rule: P already reconciled, or P older than X), and rows stay until no transaction
 * that could still commit can pair with them. {@code SKIP LOCKED} lets instances share the work.
 */
@ApplicationScoped
public class ConcurrentChangeReconciler {

    /** Rows reconciled per transaction. */
    static final int BATCH = 50;
    /**
     * How long a reconciled row is kept after the oldest row still pending: longer than any graph transaction may
     * run (the transaction timeout, 60 s by default), so a transaction committing late still finds its partners.
     */
    static final String KEEP = "10 minutes";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CitationGraph graph;

    private record Recorded(long id, Set<UUID> citing, Set<UUID> arrivals) {
    }

    @Scheduled(every = "${citation.reconcile.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        while (reconcileBatch() == BATCH) {
            // more waiting
        }
    }

    /** Reconciles up to {@value #BATCH} recorded transactions; returns how many. */
    @Transactional
    public int reconcileBatch() {
        try (Connection c = dataSource.getConnection()) {
            List<Recorded> pending = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, citing_ids, arrival_ids FROM graph_change "
                    + "WHERE NOT reconciled ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                s.setInt(1, BATCH);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        pending.add(read(r));
                    }
                }
            }
            Set<UUID> countsToRefresh = new HashSet<>();
            for (Recorded self : pending) {
                for (Recorded partner : partners(c, self.id())) {
                    countsToRefresh.addAll(graph.reconcile(c, self.citing(), partner.arrivals()));
                    countsToRefresh.addAll(graph.reconcile(c, partner.citing(), self.arrivals()));
                }
            }
            CountStore.refresh(c, countsToRefresh);
            try (PreparedStatement s = c.prepareStatement("UPDATE graph_change SET reconciled = true WHERE id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("bigint", pending.stream().map(Recorded::id).toArray()));
                s.executeUpdate();
            }
            return pending.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reconcile concurrent graph changes: " + e.getMessage(), e);
        }
    }

    /** Rows no transaction can pair with any more. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM graph_change WHERE reconciled AND recorded_at < "
                     + "LEAST(now(), (SELECT min(recorded_at) FROM graph_change WHERE NOT reconciled)) - interval '" + KEEP + "'")) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The committed transactions that X could not see and that could not see X. A transaction id below the xmin of
     * X's snapshot was visible to X, hence the index range.
     */
    private static List<Recorded> partners(Connection c, long id) throws SQLException {
        List<Recorded> partners = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.citing_ids, p.arrival_ids FROM graph_change x JOIN graph_change p
                  ON p.xid >= pg_snapshot_xmin(x.start_snapshot) AND p.id <> x.id
                WHERE x.id = ?
                  AND NOT pg_visible_in_snapshot(p.xid, x.start_snapshot)
                  AND NOT pg_visible_in_snapshot(x.xid, p.start_snapshot)
                  AND (p.reconciled OR p.id < x.id)""")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    partners.add(read(r));
                }
            }
        }
        return partners;
    }

    private static Recorded read(ResultSet r) throws SQLException {
        return new Recorded(r.getLong("id"), new HashSet<>(Arrays.asList((UUID[]) r.getArray("citing_ids").getArray())),
                new HashSet<>(Arrays.asList((UUID[]) r.getArray("arrival_ids").getArray())));
    }
}
