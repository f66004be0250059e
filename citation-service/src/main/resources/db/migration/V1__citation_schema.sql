-- citation-service: its own read model of the catalog, references with their resolution, citation links as rows,
-- counters kept equal to a recomputation from the links, reference-building campaigns, and the outbox.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Event ids already applied; inserted in the same transaction as the effect, so a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id     TEXT        PRIMARY KEY,
    event_type   TEXT        NOT NULL,
    article_id   UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What matching and counting need from the catalog, at the highest version applied. Deleted articles stay as
-- tombstones so that an older event arriving late cannot bring them back.
CREATE TABLE article (
    id                      UUID        PRIMARY KEY,
    version                 BIGINT      NOT NULL,
    workflow_status         TEXT        NOT NULL,
    deleted                 BOOLEAN     NOT NULL,
    doi                     TEXT,
    publication_year        INTEGER,
    journal_id              UUID,
    volume                  TEXT,
    issue_number            TEXT,
    first_page              TEXT,
    last_page               TEXT,
    titles                  JSONB       NOT NULL DEFAULT '{}',
    title_keys              TEXT[]      NOT NULL DEFAULT '{}',
    container_keys          TEXT[]      NOT NULL DEFAULT '{}',
    author_latin            TEXT[]      NOT NULL DEFAULT '{}',
    author_hangul           TEXT[]      NOT NULL DEFAULT '{}',
    author_hangul_family    TEXT[]      NOT NULL DEFAULT '{}',
    references_hash         TEXT,
    reference_count         INTEGER     NOT NULL DEFAULT 0,
    resolved_count          INTEGER     NOT NULL DEFAULT 0,
    reference_status        TEXT        NOT NULL DEFAULT 'NOT_SUPPLIED',
    status_notice           TEXT,
    status_build_id         UUID,
    status_sequence         BIGINT      NOT NULL DEFAULT 0,
    built_at                TIMESTAMPTZ,
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX article_doi_idx ON article (doi) WHERE doi IS NOT NULL;
CREATE INDEX article_year_page_idx ON article (publication_year, first_page);
CREATE INDEX article_journal_year_idx ON article (journal_id, publication_year);

-- One row per normalised title (every language), for candidate search by trigram similarity.
CREATE TABLE article_title (
    article_id UUID NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    title_key  TEXT NOT NULL,
    PRIMARY KEY (article_id, title_key)
);
CREATE INDEX article_title_trgm_idx ON article_title USING gin (title_key gin_trgm_ops);

-- Each reference of each citing article with its resolution. The partial indexes cover only references that are
-- not resolved, so that a newly arrived article finds the references that may point to it without a scan.
CREATE TABLE article_reference (
    citing_article_id UUID             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    position          INTEGER          NOT NULL,
    raw               TEXT,
    authors           TEXT[],
    title             TEXT,
    container         TEXT,
    year              INTEGER,
    volume            TEXT,
    issue             TEXT,
    first_page        TEXT,
    last_page         TEXT,
    doi               TEXT,
    norm_doi          TEXT,
    search_key        TEXT             NOT NULL,
    year_page_keys    TEXT[]           NOT NULL DEFAULT '{}',
    status            TEXT             NOT NULL,
    target_article_id UUID,
    method            TEXT,
    score             DOUBLE PRECISION,
    candidate_count   INTEGER          NOT NULL DEFAULT 0,
    resolved_at       TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (citing_article_id, position)
);
CREATE INDEX article_reference_target_idx ON article_reference (target_article_id) WHERE target_article_id IS NOT NULL;
CREATE INDEX article_reference_open_doi_idx ON article_reference (norm_doi) WHERE status <> 'RESOLVED' AND norm_doi IS NOT NULL;
CREATE INDEX article_reference_open_year_page_idx ON article_reference USING gin (year_page_keys) WHERE status <> 'RESOLVED';
CREATE INDEX article_reference_open_trgm_idx ON article_reference USING gin (search_key gin_trgm_ops) WHERE status <> 'RESOLVED';

-- A citation link exists for every resolved reference of a PUBLISHED, not deleted citing article.
CREATE TABLE citation_link (
    citing_article_id UUID    NOT NULL,
    position          INTEGER NOT NULL,
    cited_article_id  UUID    NOT NULL,
    citing_year       INTEGER NOT NULL,
    PRIMARY KEY (citing_article_id, position)
);
CREATE INDEX citation_link_cited_idx ON citation_link (cited_article_id, citing_year, citing_article_id);

-- Stored counters: cited-by count per article (distinct citing articles), per article and citing year, and per
-- journal, citing year and cited item's publication year (what the impact factor needs). journal_id and
-- publication_year record under which journal/year the article's counts are currently added up.
CREATE TABLE citation_count (
    article_id       UUID        PRIMARY KEY,
    cited_by_count   BIGINT      NOT NULL DEFAULT 0,
    journal_id       UUID,
    publication_year INTEGER,
    published_count  BIGINT      NOT NULL DEFAULT 0,
    counts_sequence  BIGINT      NOT NULL DEFAULT 0,
    dirty            BOOLEAN     NOT NULL DEFAULT false,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX citation_count_dirty_idx ON citation_count (article_id) WHERE dirty;

CREATE TABLE citation_count_year (
    article_id  UUID    NOT NULL,
    citing_year INTEGER NOT NULL,
    count       BIGINT  NOT NULL CHECK (count > 0),
    PRIMARY KEY (article_id, citing_year)
);

CREATE TABLE journal_citation_count (
    journal_id  UUID    NOT NULL,
    citing_year INTEGER NOT NULL,
    cited_year  INTEGER NOT NULL,
    count       BIGINT  NOT NULL CHECK (count > 0),
    PRIMARY KEY (journal_id, citing_year, cited_year)
);

-- Reference-building campaigns and the articles each one works through.
CREATE TABLE reference_build (
    id           UUID        PRIMARY KEY,
    journal_id   UUID,
    from_year    INTEGER,
    to_year      INTEGER,
    notice       TEXT        NOT NULL,
    state        TEXT        NOT NULL,
    requested_by TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ
);

CREATE TABLE reference_build_item (
    build_id             UUID        NOT NULL REFERENCES reference_build (id),
    article_id           UUID        NOT NULL,
    state                TEXT        NOT NULL,
    outcome              TEXT,
    resolved_references  INTEGER     NOT NULL DEFAULT 0,
    unresolved_references INTEGER    NOT NULL DEFAULT 0,
    done_at              TIMESTAMPTZ,
    PRIMARY KEY (build_id, article_id)
);
CREATE INDEX reference_build_item_pending_idx ON reference_build_item (build_id, article_id) WHERE state = 'PENDING';
CREATE INDEX reference_build_item_article_idx ON reference_build_item (article_id) WHERE state = 'PENDING';

CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    topic        TEXT        NOT NULL,
    event_key    TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
