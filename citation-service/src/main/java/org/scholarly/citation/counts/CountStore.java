package org.scholarly.citation.counts;

import org.scholarly.citation.article.ArticleStore;
import org.scholarly.support.tracing.Traceparents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the stored counters equal to the links. For the affected articles it recomputes their counts from their
 * links (indexed look-ups) under row locks, and moves the difference into the journal counters with
 * {@code INSERT ... ON CONFLICT DO UPDATE} deltas. Every step is one statement for all the articles of a change, not
 * one per article: an ingested article with forty references touches forty counters. Rows are locked in article-id
 * order so that two instances touching the same articles wait for each other instead of deadlocking.
 */
public final class CountStore {

    private CountStore() {
    }

    /** Journal, citing year, cited year. */
    record JournalKey(UUID journal, int citingYear, int citedYear) implements Comparable<JournalKey> {
        @Override
        public int compareTo(JournalKey o) {
            int byJournal = journal.compareTo(o.journal);
            if (byJournal != 0) {
                return byJournal;
            }
            return citingYear != o.citingYear ? Integer.compare(citingYear, o.citingYear) : Integer.compare(citedYear, o.citedYear);
        }
    }

    /** What is stored for one article, or what its links and its catalog record say now. */
    private record Counts(long total, Map<Integer, Long> byYear, UUID journal, Integer year) {
    }

    public static void refresh(Connection c, Collection<UUID> articles) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        Object[] ids = new TreeSet<>(articles).toArray();
        Map<UUID, Counts> stored = lockStored(c, ids);
        Map<UUID, Counts> current = fromLinks(c, ids);

        Map<JournalKey, Long> journalDelta = new HashMap<>();
        List<UUID> yearsChanged = new ArrayList<>();
        // The flusher publishes the change later; the mark keeps the trace that made it (one value per batch).
        String traceparent = Traceparents.current();
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE citation_count SET cited_by_count = ?, journal_id = ?, publication_year = ?,
                    dirty = dirty OR ?, updated_at = CASE WHEN ? THEN now() ELSE updated_at END,
                    dirty_traceparent = CASE WHEN ? THEN ? ELSE dirty_traceparent END
                WHERE article_id = ?""")) {
            for (Object id : ids) {
                UUID article = (UUID) id;
                Counts before = stored.get(article);
                Counts after = current.get(article);
                addJournalDelta(journalDelta, before, -1);
                addJournalDelta(journalDelta, after, 1);
                boolean yearsMoved = !before.byYear().equals(after.byYear());
                boolean changed = before.total() != after.total() || yearsMoved;
                if (yearsMoved) {
                    yearsChanged.add(article);
                }
                if (changed || !Objects.equals(before.journal(), after.journal()) || !Objects.equals(before.year(), after.year())) {
                    update.setLong(1, after.total());
                    update.setObject(2, after.journal());
                    ArticleStore.setInteger(update, 3, after.year());
                    update.setBoolean(4, changed);
                    update.setBoolean(5, changed);
                    update.setBoolean(6, changed);
                    update.setString(7, traceparent);
                    update.setObject(8, article);
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
        replaceYears(c, yearsChanged, current);
        applyJournalDeltas(c, journalDelta);
    }

    /** Creates missing counter rows, locks them all in id order and returns what they hold. */
    private static Map<UUID, Counts> lockStored(Connection c, Object[] ids) throws SQLException {
        try (PreparedStatement ensure = c.prepareStatement(
                "INSERT INTO citation_count (article_id) SELECT unnest(?::uuid[]) ORDER BY 1 ON CONFLICT DO NOTHING")) {
            ensure.setArray(1, c.createArrayOf("uuid", ids));
            ensure.executeUpdate();
        }
        record Row(long total, UUID journal, Integer year) {
        }
        Map<UUID, Row> rows = new HashMap<>();
        try (PreparedStatement lock = c.prepareStatement("""
                SELECT article_id, cited_by_count, journal_id, publication_year FROM citation_count
                WHERE article_id = ANY (?) ORDER BY article_id FOR UPDATE""")) {
            lock.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet r = lock.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getObject("article_id", UUID.class), new Row(r.getLong("cited_by_count"), r.getObject("journal_id", UUID.class),
                            (Integer) r.getObject("publication_year")));
                }
            }
        }
        // Read after the lock, so that the years belong to the totals just locked.
        Map<UUID, Map<Integer, Long>> years = yearsOf(c, "SELECT article_id, citing_year, count AS n FROM citation_count_year WHERE article_id = ANY (?)", ids);
        Map<UUID, Counts> stored = new HashMap<>();
        rows.forEach((article, row) -> stored.put(article, new Counts(row.total(), years.getOrDefault(article, Map.of()), row.journal(), row.year())));
        return stored;
    }

    /** Counts recomputed from the links, attributed to the article's journal and year as the catalog has them now. */
    private static Map<UUID, Counts> fromLinks(Connection c, Object[] ids) throws SQLException {
        Map<UUID, Map<Integer, Long>> years = yearsOf(c, """
                SELECT cited_article_id AS article_id, citing_year, count(DISTINCT citing_article_id) AS n FROM citation_link
                WHERE cited_article_id = ANY (?) GROUP BY cited_article_id, citing_year""", ids);
        Map<UUID, Long> totals = new HashMap<>();
        try (PreparedStatement total = c.prepareStatement("""
                SELECT cited_article_id, count(DISTINCT citing_article_id) AS n FROM citation_link
                WHERE cited_article_id = ANY (?) GROUP BY cited_article_id""")) {
            total.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet r = total.executeQuery()) {
                while (r.next()) {
                    totals.put(r.getObject("cited_article_id", UUID.class), r.getLong("n"));
                }
            }
        }
        Map<UUID, Counts> current = new HashMap<>();
        for (Object id : ids) {
            UUID article = (UUID) id;
            current.put(article, new Counts(totals.getOrDefault(article, 0L), years.getOrDefault(article, Map.of()), null, null));
        }
        try (PreparedStatement attribution = c.prepareStatement(
                "SELECT id, journal_id, publication_year FROM article WHERE id = ANY (?) AND NOT deleted")) {
            attribution.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet r = attribution.executeQuery()) {
                while (r.next()) {
                    UUID article = r.getObject("id", UUID.class);
                    Counts links = current.get(article);
                    current.put(article, new Counts(links.total(), links.byYear(), r.getObject("journal_id", UUID.class),
                            (Integer) r.getObject("publication_year")));
                }
            }
        }
        return current;
    }

    private static void addJournalDelta(Map<JournalKey, Long> journalDelta, Counts counts, int sign) {
        if (counts.journal() != null && counts.year() != null) {
            counts.byYear().forEach((citingYear, n) ->
                    journalDelta.merge(new JournalKey(counts.journal(), citingYear, counts.year()), sign * n, Long::sum));
        }
    }

    private static void replaceYears(Connection c, List<UUID> articles, Map<UUID, Counts> current) throws SQLException {
        if (articles.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM citation_count_year WHERE article_id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("uuid", articles.toArray()));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO citation_count_year (article_id, citing_year, count) VALUES (?, ?, ?)")) {
            for (UUID article : articles) {
                for (Map.Entry<Integer, Long> e : current.get(article).byYear().entrySet()) {
                    insert.setObject(1, article);
                    insert.setInt(2, e.getKey());
                    insert.setLong(3, e.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Increments as one batch, then decrements as one batch; a counter that reaches zero is deleted (CHECK count > 0). */
    private static void applyJournalDeltas(Connection c, Map<JournalKey, Long> deltas) throws SQLException {
        Map<JournalKey, Long> ordered = new TreeMap<>(deltas);
        try (PreparedStatement increment = c.prepareStatement("""
                INSERT INTO journal_citation_count (journal_id, citing_year, cited_year, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (journal_id, citing_year, cited_year) DO UPDATE SET count = journal_citation_count.count + EXCLUDED.count""");
             PreparedStatement decrement = c.prepareStatement("""
                WITH emptied AS (
                    DELETE FROM journal_citation_count
                    WHERE journal_id = ? AND citing_year = ? AND cited_year = ? AND count + ? <= 0)
                UPDATE journal_citation_count SET count = count + ?
                WHERE journal_id = ? AND citing_year = ? AND cited_year = ? AND count + ? > 0""")) {
            for (Map.Entry<JournalKey, Long> e : ordered.entrySet()) {
                JournalKey k = e.getKey();
                long delta = e.getValue();
                if (delta > 0) {
                    increment.setObject(1, k.journal());
                    increment.setInt(2, k.citingYear());
                    increment.setInt(3, k.citedYear());
                    increment.setLong(4, delta);
                    increment.addBatch();
                } else if (delta < 0) {
                    decrement.setObject(1, k.journal());
                    decrement.setInt(2, k.citingYear());
                    decrement.setInt(3, k.citedYear());
                    decrement.setLong(4, delta);
                    decrement.setLong(5, delta);
                    decrement.setObject(6, k.journal());
                    decrement.setInt(7, k.citingYear());
                    decrement.setInt(8, k.citedYear());
                    decrement.setLong(9, delta);
                    decrement.addBatch();
                }
            }
            increment.executeBatch();
            decrement.executeBatch();
        }
    }

    /** Runs a query answering {@code article_id, citing_year, n} rows for the articles in its one array parameter. */
    private static Map<UUID, Map<Integer, Long>> yearsOf(Connection c, String sql, Object[] ids) throws SQLException {
        Map<UUID, Map<Integer, Long>> years = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    years.computeIfAbsent(r.getObject("article_id", UUID.class), k -> new TreeMap<>()).put(r.getInt("citing_year"), r.getLong("n"));
                }
            }
        }
        return years;
    }

    /** Runs a query answering {@code citing_year, n} rows for the article in its one parameter. */
    static Map<Integer, Long> byYear(Connection c, String sql, UUID article) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, article);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getInt("citing_year"), r.getLong("n"));
                }
            }
        }
        return counts;
    }
}
