-- A reference can only be linked to what the catalog holds when it is resolved. Articles reach this service on
-- several partitions, so a citing article may come before the work it names; if a look-alike is already there
-- (same year, first page and volume, an author of the same family name) the reference is linked to it on that
-- weak evidence. When the named work arrives, such links must be looked at again, as open references are.
-- "Weak" is a resolution without a DOI whose score stays below 0.8, what a matching title alone gives; the
-- predicate is spelled exactly like the query in ReferenceStore.openCandidatesFor, which PostgreSQL needs to use
-- these partial indexes.
DROP INDEX article_reference_open_doi_idx;
DROP INDEX article_reference_open_year_page_idx;
DROP INDEX article_reference_open_trgm_idx;
CREATE INDEX article_reference_open_doi_idx ON article_reference (norm_doi)
    WHERE (status <> 'RESOLVED' OR score < 0.8) AND norm_doi IS NOT NULL;
CREATE INDEX article_reference_open_year_page_idx ON article_reference USING gin (year_page_keys)
    WITH (fastupdate = off) WHERE (status <> 'RESOLVED' OR score < 0.8);
CREATE INDEX article_reference_open_trgm_idx ON article_reference USING gin (search_key gin_trgm_ops)
    WITH (fastupdate = off) WHERE (status <> 'RESOLVED' OR score < 0.8);
