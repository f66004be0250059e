-- Most references carry their target's title exactly (after normalisation): an equality look-up finds it without
-- the trigram search, whose cost grows with the corpus because common trigrams match most titles.
CREATE INDEX article_title_key_idx ON article_title (title_key);
