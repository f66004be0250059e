package org.scholarly.catalog.ingest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A bulk ingestion job; its counters are updated in the same transaction as each batch they count, so that
 * {@code total} is also where a resumed run picks up. Its body lives in {@code ingest_job_spool} until it ends.
 */
@Entity
@Table(name = "ingest_job")
public class IngestJob extends PanacheEntityBase {

    /** QUEUED until a worker of some instance claims it; QUEUED and RUNNING jobs hold spool space. */
    public enum State { QUEUED, RUNNING, FINISHED, FAILED }

    public enum Format { NATIVE, CROSSREF }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Format format;
    @Enumerated(EnumType.STRING)
    public State state;
    public long total;
    public long created;
    public long updated;
    public long unchanged;
    public long rejected;
    public String failure;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** Size of the spooled body; null for jobs accepted before bodies were kept in the database. */
    @Column(name = "spool_bytes")
    public Long spoolBytes;
    @Column(name = "run_token")
    public UUID runToken;
    @Column(name = "interrupted_runs")
    public int interruptedRuns;
}
