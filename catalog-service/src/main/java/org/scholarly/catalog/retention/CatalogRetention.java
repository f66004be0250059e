package org.scholarly.catalog.retention;

import jakarta.enterprise.context.ApplicationScoped;
import org.scholarly.support.retention.RetentionPlan;
import org.scholarly.support.retention.RetentionRule;

import java.util.List;

/**
 * What the catalog prunes (service-support's {@code Retention} runs it on a schedule; periods under
 * {@code scholarly.retention.keep}).
 * <ul>
 *   <li>Idempotency records (whole reply bodies): an {@code Idempotency-Key} is answered from its record only within
 *   {@code idempotency-records} (24 h); after that the key is free and the request is applied afresh, which the
 *   article's natural key (DOI, external id, ...) still makes an update rather than a second article.</li>
 *   <li>Ids of consumed citation events: pruning one cannot make a replayed old event count twice, because every
 *   effect is also guarded by its sequence ({@code reference_sequence} / {@code citation_sequence} must grow, see
 *   {@code CitationEffects}): a replay finds a stored sequence at least as new and changes nothing.</li>
 *   <li>Ended bulk jobs: their per-record errors, then the job rows, {@code ingest-jobs} (30 d) after they ended;
 *   after that their status is 404. Jobs that are queued or running are never touched.</li>
 * </ul>
 */
@ApplicationScoped
public class CatalogRetention implements RetentionPlan {

    public static final String IDEMPOTENCY_RECORDS = "idempotency-records";
    private static final String ENDED_JOB = "state IN ('FINISHED', 'FAILED') AND finished_at < ?";

    @Override
    public List<RetentionRule> rules() {
        return List.of(
                new RetentionRule("idempotency-records", IDEMPOTENCY_RECORDS, "idempotency_record", "created_at < ?"),
                new RetentionRule("processed-events", "processed-events", "processed_event", "processed_at < ?"),
                new RetentionRule("ingest-job-errors", "ingest-jobs", "ingest_job_error",
                        "job_id IN (SELECT id FROM ingest_job WHERE " + ENDED_JOB + ")"),
                // Errors go first (they refer to the job); a job whose errors a concurrent prune has not finished yet
                // waits for the next run.
                new RetentionRule("ingest-jobs", "ingest-jobs", "ingest_job",
                        ENDED_JOB + " AND NOT EXISTS (SELECT 1 FROM ingest_job_error e WHERE e.job_id = ingest_job.id)"));
    }
}
