-- Outbox rows that Kafka can never accept (a record over the producer's max.request.size, an invalid record) are
-- moved here by the relay, in the same transaction that deletes them from outbox_event, so that the rows behind
-- them go on instead of being retried forever. Operators inspect them here; nothing reads them automatically.
CREATE TABLE outbox_quarantine (
    id             BIGINT      PRIMARY KEY,   -- the row's id in outbox_event
    topic          TEXT        NOT NULL,
    event_key      TEXT        NOT NULL,
    event_id       TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    payload        TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    reason         TEXT        NOT NULL,
    quarantined_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX outbox_quarantine_key_idx ON outbox_quarantine (event_key);
