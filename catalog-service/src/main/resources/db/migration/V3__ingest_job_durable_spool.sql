-- Bulk jobs survive restarts. The accepted body is kept in the database, committed in the same transaction as the
-- job row, so that any catalog instance can run or resume it and an interrupted upload leaves nothing behind.
-- spool_bytes is NULL for jobs accepted before bodies were kept here: their body is gone and they end FAILED.
ALTER TABLE ingest_job ADD COLUMN spool_bytes BIGINT;
-- A fresh token per run; every batch commits only while it still names the job's current run (fencing).
ALTER TABLE ingest_job ADD COLUMN run_token UUID;
-- Runs that ended with the process (found RUNNING with nobody running it); too many and the job is given up.
ALTER TABLE ingest_job ADD COLUMN interrupted_runs INT NOT NULL DEFAULT 0;

CREATE TABLE ingest_job_spool (
    job_id UUID    NOT NULL REFERENCES ingest_job (id) ON DELETE CASCADE,
    seq    INT     NOT NULL,
    data   BYTEA   NOT NULL,
    PRIMARY KEY (job_id, seq)
);
-- Bodies are read once, front to back: compressing them would cost CPU twice for little space.
ALTER TABLE ingest_job_spool ALTER COLUMN data SET STORAGE EXTERNAL;

CREATE INDEX ingest_job_pending ON ingest_job (submitted_at) WHERE state IN ('QUEUED', 'RUNNING');
