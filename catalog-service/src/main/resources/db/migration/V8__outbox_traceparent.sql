-- The W3C traceparent of the transaction that wrote the event; the relay sends it as the ce_traceparent header so
-- that consumers continue the trace. Null for rows written outside of a trace (tools, rows older than this column).
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_quarantine ADD COLUMN traceparent TEXT;
