-- References written without an article title (physics, chemistry, much of medicine: "Phys. Rev. Lett. 95, 123456
-- (2005)") are resolved by journal, volume and first page. Candidates come from an exact (first page, volume) or
-- (first page, issue) look-up, whose cost does not grow with the catalog; the journal is then verified in the
-- service against container_words: each journal title as its significant words ("physical review letters"), which
-- an abbreviation matches word by word. Rows written before this migration keep an empty array until their next
-- catalog event (or a replay) rewrites them; until then their journals match only in full, as before.
ALTER TABLE article ADD COLUMN container_words TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX article_page_volume_idx ON article (first_page, volume) WHERE first_page IS NOT NULL;
CREATE INDEX article_page_issue_idx ON article (first_page, issue_number) WHERE first_page IS NOT NULL;
