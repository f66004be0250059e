package org.scholarly.catalog.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.article.WriteAuthority;
import org.scholarly.catalog.common.Sql;
import org.scholarly.support.problem.ProblemException;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The job table: creation, one transaction per batch (records, counters and errors together), and reads. */
@ApplicationScoped
public class IngestJobService {

    /** What one batch did; {@code errors} are the ones still to be stored (the cap may drop the rest). */
    public record Tally(long total, long created, long updated, long unchanged, long rejected, List<JobView.RecordError> errors) {
    }

    @Inject
    EntityManager em;
    @Inject
    ArticleIngestor ingestor;
    @Inject
    Sql sql;

    @Transactional
    public IngestJob create(IngestJob.Format format, String submittedBy) {
        IngestJob job = new IngestJob();
        job.id = UUID.randomUUID();
        job.format = format;
        job.state = IngestJob.State.QUEUED;
        job.submittedBy = submittedBy;
        job.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(job);
        return job;
    }

    /**
     * Writes the valid records of a batch and counts every line, in one transaction: the counters never claim
     * a record that did not commit. Throws if the batch as a whole could not be written (the caller then retries
     * record by record to find the culprit).
     */
    @Transactional
    public Tally writeBatch(UUID jobId, UUID runToken, List<SourceLine> lines, String actor, int errorsToStore) {
        requireRun(jobId, runToken);
        List<ArticleRecord> records = new ArrayList<>();
        List<Long> recordLines = new ArrayList<>();
        List<JobView.RecordError> errors = new ArrayList<>();
        for (SourceLine line : lines) {
            if (line.error() != null) {
                errors.add(new JobView.RecordError(line.line(), line.error()));
                continue;
            }
            ArticleRecords.Checked checked = ArticleRecords.check(line.record());
            if (checked.valid()) {
                records.add(checked.record());
                recordLines.add(line.line());
            } else {
                errors.add(new JobView.RecordError(line.line(), checked.reason()));
            }
        }
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        List<ArticleIngestor.Outcome> outcomes = records.isEmpty() ? List.of() : ingestor.ingest(records, actor, WriteAuthority.bulk());
        for (int i = 0; i < outcomes.size(); i++) {
            ArticleIngestor.Outcome outcome = outcomes.get(i);
            switch (outcome.kind()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> errors.add(new JobView.RecordError(recordLines.get(i), outcome.reason()));
            }
        }
        errors.sort(java.util.Comparator.comparingLong(JobView.RecordError::line));
        Tally tally = new Tally(lines.size(), created, updated, unchanged, errors.size(),
                errors.subList(0, Math.min(errors.size(), Math.max(0, errorsToStore))));
        count(jobId, runToken, tally);
        return tally;
    }

    /** Counts lines whose write failed on its own, after the batch they were in had to be split. */
    @Transactional
    public Tally rejectAll(UUID jobId, UUID runToken, List<JobView.RecordError> errors, int errorsToStore) {
        Tally tally = new Tally(errors.size(), 0, 0, 0, errors.size(), errors.subList(0, Math.min(errors.size(), Math.max(0, errorsToStore))));
        count(jobId, runToken, tally);
        return tally;
    }

    /** Ends the run's job and frees its spooled body in the same transaction: an ended job never holds spool space. */
    @Transactional
    public void finish(UUID jobId, UUID runToken, String failure) {
        IngestJob job = requireRun(jobId, runToken);
        job.state = failure == null ? IngestJob.State.FINISHED : IngestJob.State.FAILED;
        job.failure = failure;
        job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        sql.run(c -> {
            try (var delete = c.prepareStatement("DELETE FROM ingest_job_spool WHERE job_id = ?")) {
                delete.setObject(1, jobId);
                return delete.executeUpdate();
            }
        });
    }

    /** Puts the run's job back in the queue when this instance stops before the end (not counted as an interruption). */
    @Transactional
    public void requeue(UUID jobId, UUID runToken) {
        requireRun(jobId, runToken).state = IngestJob.State.QUEUED;
    }

    /**
     * Locks the job row and checks that it still belongs to this run; otherwise the transaction rolls back with
     * {@link RunLostException}, so a runner that lost its claim commits nothing more for it.
     */
    private IngestJob requireRun(UUID jobId, UUID runToken) {
        IngestJob job = em.find(IngestJob.class, jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !runToken.equals(job.runToken) || job.state != IngestJob.State.RUNNING) {
            throw new RunLostException(jobId);
        }
        return job;
    }

    /** The job is no longer this run's: another worker resumed it, or it ended. */
    public static final class RunLostException extends RuntimeException {
        RunLostException(UUID jobId) {
            super("job " + jobId + " is no longer held by this run");
        }
    }

    /** Errors stored for the job so far (a resumed run goes on counting against the same cap). */
    @Transactional
    public long storedErrors(UUID jobId) {
        return sql.run(c -> {
            try (var select = c.prepareStatement("SELECT count(*) FROM ingest_job_error WHERE job_id = ?")) {
                select.setObject(1, jobId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Transactional
    public JobView view(UUID id) {
        IngestJob job = em.find(IngestJob.class, id);
        if (job == null) {
            throw ProblemException.notFound("No ingestion job " + id);
        }
        List<JobView.RecordError> errors = sql.run(c -> {
            List<JobView.RecordError> list = new ArrayList<>();
            try (var statement = c.prepareStatement("SELECT line, reason FROM ingest_job_error WHERE job_id = ? ORDER BY line")) {
                statement.setObject(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        list.add(new JobView.RecordError(rows.getLong(1), rows.getString(2)));
                    }
                }
            }
            return list;
        });
        return new JobView(job.id, job.format, job.state, job.total, job.created, job.updated, job.unchanged, job.rejected,
                errors, job.failure, job.submittedBy, job.submittedAt, job.finishedAt);
    }

    private void count(UUID jobId, UUID runToken, Tally tally) {
        sql.run(c -> {
            try (var update = c.prepareStatement("UPDATE ingest_job SET total = total + ?, created = created + ?, "
                    + "updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ? WHERE id = ? AND run_token = ?")) {
                update.setLong(1, tally.total());
                update.setLong(2, tally.created());
                update.setLong(3, tally.updated());
                update.setLong(4, tally.unchanged());
                update.setLong(5, tally.rejected());
                update.setObject(6, jobId);
                update.setObject(7, runToken);
                if (update.executeUpdate() != 1) {
                    throw new RunLostException(jobId);
                }
            }
            if (!tally.errors().isEmpty()) {
                try (var insert = c.prepareStatement("INSERT INTO ingest_job_error (job_id, line, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    for (JobView.RecordError error : tally.errors()) {
                        insert.setObject(1, jobId);
                        insert.setLong(2, error.line());
                        insert.setString(3, error.reason().length() > 2000 ? error.reason().substring(0, 2000) : error.reason());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
            return null;
        });
    }
}
