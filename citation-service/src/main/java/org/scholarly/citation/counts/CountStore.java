package org.scholarly.citation.counts;

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
 * Keeps the stored counters equal to the links. For each affected article it recomputes the article's counts from
 * its links (an indexed look-up) under a row lock, and moves the difference into the journal counters with
 * {@code INSERT ... ON CONFLICT DO UPDATE} deltas. Rows are locked in article-id order so that two instances
 * touching the same articles wait for each other instead of deadlocking.
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

    public static void refresh(Connection c, Collection<UUID> articles) throws SQLException {
        Map<JournalKey, Long> journalDelta = new HashMap<>();
        for (UUID article : new TreeSet<>(articles)) {
            refreshOne(c, article, journalDelta);
        }
        applyJournalDeltas(c, journalDelta);
    }

    private static void refreshOne(Connection c, UUID article, Map<JournalKey, Long> journalDelta) throws SQLException {
        try (PreparedStatement ensure = c.prepareStatement("INSERT INTO citation_count (article_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            ensure.setObject(1, article);
            ensure.executeUpdate();
        }
        long oldCount;
        UUID oldJournal;
        Integer oldYear;
        try (PreparedStatement lock = c.prepareStatement(
                "SELECT cited_by_count, journal_id, publication_year FROM citation_count WHERE article_id = ? FOR UPDATE")) {
            lock.setObject(1, article);
            try (ResultSet r = lock.executeQuery()) {
                r.next();
                oldCount = r.getLong(1);
                oldJournal = r.getObject(2, UUID.class);
                oldYear = (Integer) r.getObject(3);
            }
        }
        Map<Integer, Long> oldByYear = byYear(c, "SELECT citing_year, count FROM citation_count_year WHERE article_id = ?", article);
        Map<Integer, Long> newByYear = byYear(c, """
                SELECT citing_year, count(DISTINCT citing_article_id) FROM citation_link
                WHERE cited_article_id = ? AND citing_year IS NOT NULL GROUP BY citing_year""", article);
        long newCount;
        try (PreparedStatement total = c.prepareStatement(
                "SELECT count(DISTINCT citing_article_id) FROM citation_link WHERE cited_article_id = ?")) {
            total.setObject(1, article);
            try (ResultSet r = total.executeQuery()) {
                r.next();
                newCount = r.getLong(1);
            }
        }
        UUID newJournal = null;
        Integer newYear = null;
        try (PreparedStatement attribution = c.prepareStatement(
                "SELECT journal_id, publication_year FROM article WHERE id = ? AND NOT deleted")) {
            attribution.setObject(1, article);
            try (ResultSet r = attribution.executeQuery()) {
                if (r.next()) {
                    newJournal = r.getObject(1, UUID.class);
                    newYear = (Integer) r.getObject(2);
                }
            }
        }
        if (oldJournal != null && oldYear != null) {
            oldByYear.forEach((year, n) -> journalDelta.merge(new JournalKey(oldJournal, year, oldYear), -n, Long::sum));
        }
        if (newJournal != null && newYear != null) {
            UUID journal = newJournal;
            int cited = newYear;
            newByYear.forEach((year, n) -> journalDelta.merge(new JournalKey(journal, year, cited), n, Long::sum));
        }
        boolean changed = oldCount != newCount || !oldByYear.equals(newByYear);
        if (!oldByYear.equals(newByYear)) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM citation_count_year WHERE article_id = ?")) {
                delete.setObject(1, article);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO citation_count_year (article_id, citing_year, count) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, Long> e : newByYear.entrySet()) {
                    insert.setObject(1, article);
                    insert.setInt(2, e.getKey());
                    insert.setLong(3, e.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (changed || !Objects.equals(oldJournal, newJournal) || !Objects.equals(oldYear, newYear)) {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE citation_count SET cited_by_count = ?, journal_id = ?, publication_year = ?,
                        dirty = dirty OR ?, updated_at = CASE WHEN ? THEN now() ELSE updated_at END
                    WHERE article_id = ?""")) {
                update.setLong(1, newCount);
                update.setObject(2, newJournal);
                if (newYear == null) {
                    update.setNull(3, java.sql.Types.INTEGER);
                } else {
                    update.setInt(3, newYear);
                }
                update.setBoolean(4, changed);
                update.setBoolean(5, changed);
                update.setObject(6, article);
                update.executeUpdate();
            }
        }
    }

    private static void applyJournalDeltas(Connection c, Map<JournalKey, Long> deltas) throws SQLException {
        List<Map.Entry<JournalKey, Long>> ordered = new ArrayList<>(new TreeMap<>(deltas).entrySet());
        ordered.removeIf(e -> e.getValue() == 0);
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO journal_citation_count (journal_id, citing_year, cited_year, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (journal_id, citing_year, cited_year) DO UPDATE SET count = journal_citation_count.count + EXCLUDED.count""")) {
            for (Map.Entry<JournalKey, Long> e : ordered) {
                JournalKey k = e.getKey();
                if (e.getValue() > 0) {
                    upsert.setObject(1, k.journal());
                    upsert.setInt(2, k.citingYear());
                    upsert.setInt(3, k.citedYear());
                    upsert.setLong(4, e.getValue());
                    upsert.executeUpdate();
                } else {
                    decrementOrDelete(c, k, e.getValue());
                }
            }
        }
    }

    /** A counter that reaches zero is deleted rather than kept, as CHECK (count > 0) demands. */
    private static void decrementOrDelete(Connection c, JournalKey k, long delta) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE FROM journal_citation_count WHERE journal_id = ? AND citing_year = ? AND cited_year = ? AND count + ? <= 0""")) {
            delete.setObject(1, k.journal());
            delete.setInt(2, k.citingYear());
            delete.setInt(3, k.citedYear());
            delete.setLong(4, delta);
            if (delete.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE journal_citation_count SET count = count + ? WHERE journal_id = ? AND citing_year = ? AND cited_year = ?""")) {
            update.setLong(1, delta);
            update.setObject(2, k.journal());
            update.setInt(3, k.citingYear());
            update.setInt(4, k.citedYear());
            update.executeUpdate();
        }
    }

    static Map<Integer, Long> byYear(Connection c, String sql, UUID article) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, article);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getInt(1), r.getLong(2));
                }
            }
        }
        return counts;
    }
}
