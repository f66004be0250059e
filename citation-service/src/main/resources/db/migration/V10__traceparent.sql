-- The W3C traceparent of the transaction that wrote the event; the relay sends it as the ce_traceparent header so
-- that consumers continue the trace. Null for rows written outside of a trace (tools, rows older than this column).
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_quarantine ADD COLUMN traceparent TEXT;
-- The traceparent of the latest change that marked the counter dirty: the count flusher publishes the change later,
-- in a transaction of its own, and this keeps the citation-counts.changed event in the trace of the ingest.
ALTER TABLE citation_count ADD COLUMN dirty_traceparent TEXT;
