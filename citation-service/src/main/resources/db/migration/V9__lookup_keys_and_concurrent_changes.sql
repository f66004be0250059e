-- Resolution by exact keys (LookupKeys): a reference and an article meet on a DOI, a title or half of one, year and
-- first page, or first page and volume; each is a 64-bit hash. Equality look-ups cost the same however large the
-- catalog grows, where the trigram searches they replace read posting lists that grow with it.
--
-- The keys of every citable article, looked up by key. No foreign key: articles are never deleted (tombstones), and
-- the check would cost an index probe per inserted key.
CREATE TABLE article_lookup_key (
    lookup_key BIGINT NOT NULL,
    article_id UUID   NOT NULL,
    PRIMARY KEY (lookup_key, article_id)
);

-- The keys of each open or weakly linked reference, for the article that arrives later (the predicate is spelled
-- exactly like the query in ReferenceStore.openCandidatesFor). References linked for good keep an empty array.
ALTER TABLE article_reference ADD COLUMN lookup_keys BIGINT[] NOT NULL DEFAULT '{}';
CREATE INDEX article_reference_open_lookup_idx ON article_reference USING gin (lookup_keys)
    WITH (fastupdate = off) WHERE (status <> 'RESOLVED' OR score < 0.8);

-- What the keys replace. The trigram index on open references was the costliest index to keep up under a bulk load.
DROP INDEX article_reference_open_trgm_idx;
DROP INDEX article_reference_open_year_page_idx;
DROP INDEX article_reference_open_doi_idx;
ALTER TABLE article_reference DROP COLUMN search_key, DROP COLUMN year_page_keys;
DROP TABLE article_title;

-- Articles stored before this migration get their keys from LookupKeyBackfill, a batch at a time.
ALTER TABLE article ADD COLUMN lookup_keys_written BOOLEAN NOT NULL DEFAULT true;
UPDATE article SET lookup_keys_written = false WHERE NOT deleted AND workflow_status IN ('PUBLISHED', 'RETRACTED');
CREATE INDEX article_lookup_keys_pending_idx ON article (id) WHERE NOT lookup_keys_written;
UPDATE article_reference SET lookup_keys = '{0}' WHERE status <> 'RESOLVED' OR score < 0.8;

-- Graph changes that ran at the same time can each miss the other's uncommitted work (a citing article and the
-- work it names, arriving on two partitions). Each transaction that changes the graph records its transaction id,
-- the snapshot its reads started from, the articles whose references it resolved and the articles it made
-- citable; ConcurrentChangeReconciler pairs transactions that could not see each other and looks again.
CREATE TABLE graph_change (
    id             BIGSERIAL   PRIMARY KEY,
    xid            XID8        NOT NULL,
    start_snapshot PG_SNAPSHOT NOT NULL,
    citing_ids     UUID[]      NOT NULL,
    arrival_ids    UUID[]      NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    reconciled     BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX graph_change_pending_idx ON graph_change (id) WHERE NOT reconciled;
CREATE INDEX graph_change_xid_idx ON graph_change (xid);
