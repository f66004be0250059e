-- Trigram look-ups stay index look-ups as the catalog grows.
--
-- GIN indexes buffer new entries in a pending list that every search reads linearly until a vacuum merges it.
-- These indexes take a steady stream of inserts (every new title, every open reference) and are searched for
-- every event, so entries go straight into the index instead.
ALTER INDEX article_title_trgm_idx SET (fastupdate = off);
ALTER INDEX article_reference_open_trgm_idx SET (fastupdate = off);
ALTER INDEX article_reference_open_year_page_idx SET (fastupdate = off);

-- pg_trgm declares its similarity operators with the default cost of a plain comparison, so the planner prefers
-- to compute similarity row by row over tens of thousands of titles rather than ask the trigram index. A trigram
-- similarity costs about as much as a few hundred comparisons; saying so makes the index the cheaper plan.
-- Changing an extension's function needs its owner; where the database user is not, searches still work, only
-- slower, so the migration goes on with a notice instead of failing.
DO $$
BEGIN
    ALTER FUNCTION similarity_op(text, text) COST 300;
    ALTER FUNCTION word_similarity_commutator_op(text, text) COST 300;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm operator costs left unchanged: %', SQLERRM;
END
$$;
