-- The scheduled prune (CitationRetention) finds expired event ids by age; without this index each of its batches
-- would read the whole table.
CREATE INDEX processed_event_processed_idx ON processed_event (processed_at);
