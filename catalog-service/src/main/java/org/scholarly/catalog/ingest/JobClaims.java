package org.scholarly.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which instance runs which job. A worker claims a job by taking a PostgreSQL session advisory lock on it, on a
 * connection it keeps for as long as it runs the job: if the process dies, PostgreSQL ends the session and the lock
 * goes with it, so a RUNNING job nobody holds is one whose runner died, and the next worker of any instance resumes
 * it at once (no lease to wait out). Each claim also writes a fresh run token that every batch must still find in
 * the row (see {@link IngestJobService}), so even a runner that lost its lock without noticing (a database
 * restart) cannot count a batch twice.
 */
@ApplicationScoped
public class JobClaims {

    private static final Logger LOG = Logger.getLogger(JobClaims.class);

    @Inject
    AgroalDataSource dataSource;

    /** A job this worker holds until it closes the claim. */
    public record Claim(UUID jobId, UUID runToken, IngestJob.Format format, String submittedBy, long alreadyRead,
                        Long spoolBytes, int interruptedRuns, Connection lockConnection) implements AutoCloseable {

        @Override
        public void close() {
            try (Connection c = lockConnection; PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(" + LOCK_KEY + ")")) {
                unlock.setObject(1, jobId.toString());
                unlock.executeQuery().close();
            } catch (SQLException e) {
                // The session is gone, and its lock with it.
                LOG.debugf("Releasing the claim on job %s: %s", jobId, e.getMessage());
            }
        }
    }

    private static final String LOCK_KEY = "hashtextextended('catalog.ingest.job:' || ?, 0)";

    /** Claims the oldest queued or orphaned job not running here already, if there is one. */
    public Optional<Claim> claimNext(Set<UUID> runningHere) {
        for (UUID candidate : candidates()) {
            if (runningHere.contains(candidate)) {
                continue;
            }
            Optional<Claim> claim = tryClaim(candidate);
            if (claim.isPresent()) {
                return claim;
            }
        }
        return Optional.empty();
    }

    private List<UUID> candidates() {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT id FROM ingest_job WHERE state IN ('QUEUED', 'RUNNING') "
                     + "ORDER BY submitted_at LIMIT 50");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            LOG.warnf("Could not look for ingestion jobs: %s", e.getMessage());
        }
        return ids;
    }

    private Optional<Claim> tryClaim(UUID jobId) {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                lock.setObject(1, jobId.toString());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        c.close();
                        return Optional.empty();
                    }
                }
            }
            UUID token = UUID.randomUUID();
            // Under the lock, the row's state is decided again: the job may have ended since the candidates were read.
            try (PreparedStatement update = c.prepareStatement("UPDATE ingest_job SET run_token = ?, "
                    + "interrupted_runs = interrupted_runs + CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END, state = 'RUNNING' "
                    + "WHERE id = ? AND state IN ('QUEUED', 'RUNNING') "
                    + "RETURNING format, submitted_by, total, spool_bytes, interrupted_runs")) {
                update.setObject(1, token);
                update.setObject(2, jobId);
                try (ResultSet row = update.executeQuery()) {
                    if (!row.next()) {
                        new Claim(jobId, token, null, null, 0, null, 0, c).close();
                        return Optional.empty();
                    }
                    return Optional.of(new Claim(jobId, token, IngestJob.Format.valueOf(row.getString(1)), row.getString(2),
                            row.getLong(3), row.getObject(4, Long.class), row.getInt(5), c));
                }
            }
        } catch (SQLException e) {
            LOG.warnf("Could not claim ingestion job %s: %s", jobId, e.getMessage());
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a broken connection
                }
            }
            return Optional.empty();
        }
    }
}
