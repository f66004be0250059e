-- Catalog schema: journals, issues, articles with their identifiers and history, ingestion jobs,
-- consumed-event dedupe and the transactional outbox.

-- Trigram indexes make substring search work for Hangul, which PostgreSQL's full-text parsers do not split.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE journal (
    id              UUID PRIMARY KEY,
    titles          JSONB       NOT NULL,
    -- Normalised titles in every language; ingestion matches a journal by these when it has no ISSN.
    title_keys      TEXT[]      NOT NULL,
    publisher       JSONB,
    research_area   TEXT,
    accreditation   TEXT        NOT NULL,
    issn_print      TEXT UNIQUE,
    issn_electronic TEXT UNIQUE,
    external_ids    JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL
);
CREATE INDEX journal_title_keys_idx ON journal USING GIN (title_keys);
CREATE INDEX journal_created_idx ON journal (created_at DESC, id DESC);

CREATE SEQUENCE accreditation_change_seq INCREMENT BY 50;
CREATE TABLE accreditation_change (
    id             BIGINT PRIMARY KEY,
    journal_id     UUID        NOT NULL REFERENCES journal (id),
    status         TEXT        NOT NULL,
    effective_from DATE        NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    recorded_by    TEXT        NOT NULL,
    comment        TEXT
);
CREATE INDEX accreditation_change_journal_idx ON accreditation_change (journal_id, id);

CREATE TABLE issue (
    id               UUID PRIMARY KEY,
    journal_id       UUID NOT NULL REFERENCES journal (id),
    year             INT  NOT NULL,
    -- '' stands for "none", so that the natural key below can be unique.
    volume           TEXT NOT NULL,
    number           TEXT NOT NULL,
    publication_date DATE,
    UNIQUE (journal_id, year, volume, number)
);

CREATE TABLE article (
    id                 UUID PRIMARY KEY,
    journal_id         UUID        NOT NULL REFERENCES journal (id),
    issue_id           UUID REFERENCES issue (id),
    doi                TEXT UNIQUE,
    external_ids       JSONB       NOT NULL,
    titles             JSONB       NOT NULL,
    abstracts          JSONB       NOT NULL,
    keywords           JSONB       NOT NULL,
    language           TEXT,
    publication_year   INT,
    first_page         TEXT,
    last_page          TEXT,
    authors            JSONB       NOT NULL,
    reference_list     JSONB       NOT NULL,
    workflow_status    TEXT        NOT NULL,
    version            BIGINT      NOT NULL,
    content_hash       TEXT        NOT NULL,
    reference_status   TEXT        NOT NULL,
    reference_notice   TEXT,
    reference_as_of    TIMESTAMPTZ,
    reference_sequence BIGINT      NOT NULL,
    cited_by_count     BIGINT      NOT NULL,
    counts_by_year     JSONB,
    citations_as_of    TIMESTAMPTZ,
    citation_sequence  BIGINT      NOT NULL,
    -- Lower-cased titles and abstracts in every language, searched with LIKE through the trigram index.
    search_text        TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    created_by         TEXT        NOT NULL,
    updated_by         TEXT        NOT NULL
);
CREATE INDEX article_search_trgm_idx ON article USING GIN (search_text gin_trgm_ops);
CREATE INDEX article_created_idx ON article (created_at DESC, id DESC);
CREATE INDEX article_journal_idx ON article (journal_id, publication_year);
CREATE INDEX article_issue_idx ON article (issue_id);

-- Every key an article can be recognised by on ingestion: doi:..., an external id (kci:ART...), or natural:<hash>.
CREATE TABLE article_identifier (
    key        TEXT PRIMARY KEY,
    article_id UUID NOT NULL REFERENCES article (id)
);
CREATE INDEX article_identifier_article_idx ON article_identifier (article_id);

CREATE SEQUENCE article_history_seq INCREMENT BY 50;
CREATE TABLE article_history (
    id             BIGINT PRIMARY KEY,
    article_id     UUID        NOT NULL REFERENCES article (id),
    version        BIGINT      NOT NULL,
    action         TEXT        NOT NULL,
    actor          TEXT        NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    from_status    TEXT,
    to_status      TEXT,
    comment        TEXT,
    changed_fields JSONB
);
CREATE INDEX article_history_article_idx ON article_history (article_id, id);

-- Replies to POST /api/v1/articles by Idempotency-Key, per client.
CREATE TABLE idempotency_record (
    client       TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INT         NOT NULL,
    location     TEXT,
    body         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (client, idem_key)
);

CREATE TABLE ingest_job (
    id           UUID PRIMARY KEY,
    format       TEXT        NOT NULL,
    state        TEXT        NOT NULL,
    total        BIGINT      NOT NULL,
    created      BIGINT      NOT NULL,
    updated      BIGINT      NOT NULL,
    unchanged    BIGINT      NOT NULL,
    rejected     BIGINT      NOT NULL,
    failure      TEXT,
    submitted_by TEXT        NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);

CREATE TABLE ingest_job_error (
    job_id UUID   NOT NULL REFERENCES ingest_job (id),
    line   BIGINT NOT NULL,
    reason TEXT   NOT NULL,
    PRIMARY KEY (job_id, line)
);

-- Ids of consumed events, written in the same transaction as their effect, so a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id     TEXT PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
