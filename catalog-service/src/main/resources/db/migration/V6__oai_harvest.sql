-- OAI-PMH harvests page through the public articles (published and retracted) in the order of their last change.
-- A resumption token holds the position as (updated_at, harvest_key): harvest_key is a fixed number per article
-- that orders the many articles a bulk batch writes with one timestamp, so that a page boundary never skips or
-- repeats one of them, whatever is written meanwhile (new changes sort after every position already handed out).
ALTER TABLE article ADD COLUMN harvest_key BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX article_harvest_key_idx ON article (harvest_key);
-- Not partial: harvest queries bind the public statuses as parameters, which a partial index's predicate cannot match
-- in a generic plan.
CREATE INDEX article_harvest_idx ON article (updated_at, harvest_key);
