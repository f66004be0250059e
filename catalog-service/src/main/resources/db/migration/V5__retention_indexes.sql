-- The scheduled prune (CatalogRetention) finds expired rows by age; without these indexes each of its batches would
-- read the whole table.
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);
CREATE INDEX processed_event_processed_idx ON processed_event (processed_at);
CREATE INDEX ingest_job_ended_idx ON ingest_job (finished_at) WHERE state IN ('FINISHED', 'FAILED');
