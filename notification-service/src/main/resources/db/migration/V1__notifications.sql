-- Who wants to hear about what. Deleted subscriptions stay (soft delete) so their delivery history stays readable.
CREATE TABLE subscription (
    id           UUID        PRIMARY KEY,
    seq          BIGSERIAL   NOT NULL UNIQUE,
    channel      TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK', 'INBOX')),
    target       TEXT        NOT NULL,
    event_types  TEXT[]      NOT NULL,
    journal_id   UUID,
    article_id   UUID,
    locale       TEXT        NOT NULL CHECK (locale IN ('ko', 'en')),
    secret       TEXT,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at   TIMESTAMPTZ
);

-- The latest article snapshot seen on catalog.article-events: citation events carry only the article id,
-- yet subscriptions filter by journal and messages name the article.
CREATE TABLE article_snapshot (
    article_id      UUID        PRIMARY KEY,
    version         BIGINT      NOT NULL,
    journal_id      UUID,
    titles          TEXT        NOT NULL,
    journal_titles  TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per subscription and event, ever: the unique constraints make redelivery and replay harmless.
-- dedupe_key also stops a second event about the same occurrence (the same milestone, the same decision).
CREATE TABLE notification (
    id                 UUID        PRIMARY KEY,
    subscription_id    UUID        NOT NULL REFERENCES subscription (id),
    event_id           TEXT        NOT NULL,
    event_type         TEXT        NOT NULL,
    notification_type  TEXT        NOT NULL,
    dedupe_key         TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    payload            TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notification_once_per_event UNIQUE (subscription_id, event_id),
    CONSTRAINT notification_once_per_occurrence UNIQUE (subscription_id, dedupe_key)
);

-- The delivery schedule lives here, not in memory, so a restart resumes it.
CREATE TABLE delivery (
    id               UUID        PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL UNIQUE,
    notification_id  UUID        NOT NULL UNIQUE REFERENCES notification (id),
    subscription_id  UUID        NOT NULL REFERENCES subscription (id),
    channel          TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    target           TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempt_count    INTEGER     NOT NULL DEFAULT 0,
    max_attempts     INTEGER     NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    lease_token      UUID,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, seq);

CREATE TABLE delivery_attempt (
    id              BIGSERIAL   PRIMARY KEY,
    delivery_id     UUID        NOT NULL REFERENCES delivery (id),
    attempt_number  INTEGER     NOT NULL,
    attempted_at    TIMESTAMPTZ NOT NULL,
    succeeded       BOOLEAN     NOT NULL,
    status_code     INTEGER,
    error           TEXT,
    duration_ms     BIGINT      NOT NULL,
    CONSTRAINT delivery_attempt_once UNIQUE (delivery_id, attempt_number)
);

CREATE TABLE inbox_message (
    id                 UUID        PRIMARY KEY,
    seq                BIGSERIAL   NOT NULL UNIQUE,
    recipient          TEXT        NOT NULL,
    notification_id    UUID        NOT NULL UNIQUE REFERENCES notification (id),
    notification_type  TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at            TIMESTAMPTZ
);
CREATE INDEX inbox_by_recipient ON inbox_message (recipient, seq);
CREATE INDEX inbox_unread_by_recipient ON inbox_message (recipient, seq) WHERE read_at IS NULL;
