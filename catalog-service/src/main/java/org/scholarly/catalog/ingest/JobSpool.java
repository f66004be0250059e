package org.scholarly.catalog.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.catalog.common.CatalogConfig;
import org.scholarly.catalog.common.Sql;
import org.scholarly.support.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Job bodies, kept in the database ({@code ingest_job_spool}, 1 MB chunks) rather than in a directory: the body
 * commits in the same transaction as its job row, so a job that was answered 202 always has its whole body and an
 * upload cut short leaves nothing; any instance can run or resume any job; and the spool total is one query over
 * the jobs of every instance. The cost is writing each body once more, into PostgreSQL.
 */
@ApplicationScoped
public class JobSpool {

    static final int CHUNK_BYTES = 1024 * 1024;
    /** How long a client should wait for running jobs to end and free their spool space. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    /** An upload streams inside one transaction; a slow client may take a while to send a large body. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofHours(1);

    @Inject
    IngestJobService jobs;
    @Inject
    Sql sql;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CatalogConfig config;

    /**
     * Creates a QUEUED job with its whole body, or refuses it with nothing stored: 413 when the body alone is larger
     * than the spool, 429 when it does not fit beside the bodies of the jobs queued and running now.
     */
    public IngestJob accept(InputStream body, Long declaredLength, IngestJob.Format format, String submittedBy) {
        long max = config.ingest().maxSpoolBytes();
        if (declaredLength != null) {
            refuseIfTooLarge(declaredLength, max);
            refuseIfFull(spooledBytes(), declaredLength, max);
        }
        try (body) {
            return QuarkusTransaction.requiringNew().timeout((int) UPLOAD_TIMEOUT.toSeconds()).call(() -> {
                IngestJob job = jobs.create(format, submittedBy);
                long size = 0;
                int seq = 0;
                byte[] chunk = new byte[CHUNK_BYTES];
                while (true) {
                    int read = body.readNBytes(chunk, 0, chunk.length);
                    if (read == 0) {
                        break;
                    }
                    size += read;
                    refuseIfTooLarge(size, max);
                    refuseIfFull(spooledBytes(), size, max);
                    insertChunk(job.id, seq++, chunk, read);
                }
                // Serialises the last check of concurrent uploads, so that together they never pass the total.
                long finalSize = size;
                sql.run(c -> {
                    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended('catalog.ingest.spool', 0))")) {
                        lock.executeQuery().close();
                    }
                    return null;
                });
                refuseIfFull(spooledBytes(), finalSize, max);
                job.spoolBytes = finalSize;
                return job;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The body could not be spooled", e);
        }
    }

    /** The job's body as it was accepted, read a chunk at a time. */
    public InputStream open(UUID jobId) {
        return new ChunkStream(jobId);
    }

    /** Bytes of the job's body that are stored, to compare with what was accepted. */
    public long storedBytes(UUID jobId) {
        return query("SELECT coalesce(sum(octet_length(data)), 0) FROM ingest_job_spool WHERE job_id = ?", jobId);
    }

    /**
     * Chunks whose job has ended. Ending a job deletes its body in the same transaction, so this finds only what a
     * manual change of a job's state left behind; it runs at startup as a safeguard.
     */
    public int deleteOrphans() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM ingest_job_spool s USING ingest_job j "
                     + "WHERE s.job_id = j.id AND j.state NOT IN ('QUEUED', 'RUNNING')")) {
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete orphaned spool chunks: " + e.getMessage(), e);
        }
    }

    /** Spool space held by queued and running jobs of every instance (committed ones: other uploads are not yet jobs). */
    long spooledBytes() {
        return query("SELECT coalesce(sum(spool_bytes), 0) FROM ingest_job WHERE state IN ('QUEUED', 'RUNNING')", null);
    }

    private static void refuseIfTooLarge(long size, long max) {
        if (size > max) {
            throw ProblemException.tooLarge("The body is larger than the bulk ingestion spool of " + max
                    + " bytes (catalog.ingest.max-spool-bytes); split it into several jobs");
        }
    }

    private static void refuseIfFull(long inUse, long size, long max) {
        if (inUse + size > max) {
            throw ProblemException.tooManyRequests("The bulk ingestion spool is full: " + inUse + " of " + max
                    + " bytes (catalog.ingest.max-spool-bytes) are held by queued and running jobs, and this body needs "
                    + size + (size == 0 ? "" : " or more") + "; retry when they have finished", RETRY_AFTER);
        }
    }

    private void insertChunk(UUID jobId, int seq, byte[] chunk, int length) {
        sql.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ingest_job_spool (job_id, seq, data) VALUES (?, ?, ?)")) {
                insert.setObject(1, jobId);
                insert.setInt(2, seq);
                insert.setBytes(3, length == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, length));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Inside a transaction the data source hands out the connection enlisted in it, so uncommitted rows count too. */
    private long query(String select, UUID jobId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(select)) {
            if (jobId != null) {
                statement.setObject(1, jobId);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Spool query failed: " + e.getMessage(), e);
        }
    }

    /** Fetches one chunk per query, outside any transaction, so a long job holds no transaction open. */
    private final class ChunkStream extends InputStream {
        private final UUID jobId;
        private int seq;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(UUID jobId) {
            this.jobId = jobId;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (!ended && position == chunk.length) {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement select = c.prepareStatement("SELECT data FROM ingest_job_spool WHERE job_id = ? AND seq = ?")) {
                    select.setObject(1, jobId);
                    select.setInt(2, seq);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next()) {
                            chunk = row.getBytes(1);
                            position = 0;
                            seq++;
                        } else {
                            ended = true;
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException("The spooled body of job " + jobId + " could not be read: " + e.getMessage(), e);
                }
            }
            return position < chunk.length;
        }
    }
}
