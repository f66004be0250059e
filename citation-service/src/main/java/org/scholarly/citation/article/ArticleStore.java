package org.scholarly.citation.article;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plain JDBC on the read model; callers hold the transaction. */
public final class ArticleStore {

    static final String COLUMNS = "id, version, workflow_status, deleted, doi, publication_year, journal_id, volume, issue_number, "
            + "first_page, last_page, titles::text AS titles, title_keys, container_keys, container_words, author_latin, author_hangul, author_hangul_family, "
            + "references_hash, reference_status, status_notice, status_build_id, status_sequence, reference_count, resolved_count, built_at";

    private ArticleStore() {
    }

    /** The row, locked for the rest of the transaction. */
    public static Optional<ArticleRow> lock(Connection c, UUID id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM article WHERE id = ? FOR UPDATE", id);
    }

    public static Optional<ArticleRow> find(Connection c, UUID id) throws SQLException {
        return select(c, "SELECT " + COLUMNS + " FROM article WHERE id = ?", id);
    }

    private static Optional<ArticleRow> select(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** A new article: the row and its lookup keys. */
    public static void upsert(Connection c, ArticleRow a) throws SQLException {
        upsert(c, null, a);
    }

    /** The row, and its lookup keys when what it matches on changed ({@link ArticleLookupKeys}). */
    public static void upsert(Connection c, ArticleRow before, ArticleRow a) throws SQLException {
        write(c, a);
        if (a.matchesDifferentlyFrom(before)) {
            ArticleLookupKeys.replace(c, before, a);
        }
    }

    private static void write(Connection c, ArticleRow a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO article (id, version, workflow_status, deleted, doi, publication_year, journal_id, volume, issue_number,
                    first_page, last_page, titles, title_keys, container_keys, container_words, author_latin, author_hangul,
                    author_hangul_family, references_hash, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, workflow_status = EXCLUDED.workflow_status,
                    deleted = EXCLUDED.deleted, doi = EXCLUDED.doi, publication_year = EXCLUDED.publication_year,
                    journal_id = EXCLUDED.journal_id, volume = EXCLUDED.volume, issue_number = EXCLUDED.issue_number,
                    first_page = EXCLUDED.first_page, last_page = EXCLUDED.last_page, titles = EXCLUDED.titles,
                    title_keys = EXCLUDED.title_keys, container_keys = EXCLUDED.container_keys,
                    container_words = EXCLUDED.container_words,
                    author_latin = EXCLUDED.author_latin, author_hangul = EXCLUDED.author_hangul,
                    author_hangul_family = EXCLUDED.author_hangul_family, references_hash = EXCLUDED.references_hash,
                    updated_at = now()
                """)) {
            s.setObject(1, a.id());
            s.setLong(2, a.version());
            s.setString(3, a.workflowStatus());
            s.setBoolean(4, a.deleted());
            s.setString(5, a.doi());
            setInteger(s, 6, a.year());
            s.setObject(7, a.journalId());
            s.setString(8, a.volume());
            s.setString(9, a.issueNumber());
            s.setString(10, a.firstPage());
            s.setString(11, a.lastPage());
            s.setString(12, a.titlesJson());
            s.setArray(13, textArray(c, a.titleKeys()));
            s.setArray(14, textArray(c, a.containerKeys()));
            s.setArray(15, textArray(c, a.containerWords()));
            s.setArray(16, textArray(c, a.authorLatin()));
            s.setArray(17, textArray(c, a.authorHangul()));
            s.setArray(18, textArray(c, a.authorHangulFamily()));
            s.setString(19, a.referencesHash());
            s.executeUpdate();
        }
    }

    static ArticleRow read(ResultSet r) throws SQLException {
        return new ArticleRow(r.getObject("id", UUID.class), r.getLong("version"), r.getString("workflow_status"),
                r.getBoolean("deleted"), r.getString("doi"), (Integer) r.getObject("publication_year"),
                r.getObject("journal_id", UUID.class), r.getString("volume"), r.getString("issue_number"),
                r.getString("first_page"), r.getString("last_page"), r.getString("titles"), strings(r.getArray("title_keys")),
                strings(r.getArray("container_keys")), strings(r.getArray("container_words")),
                strings(r.getArray("author_latin")), strings(r.getArray("author_hangul")),
                strings(r.getArray("author_hangul_family")), r.getString("references_hash"), r.getString("reference_status"),
                r.getString("status_notice"), r.getObject("status_build_id", UUID.class), r.getLong("status_sequence"),
                r.getInt("reference_count"), r.getInt("resolved_count"), r.getObject("built_at", OffsetDateTime.class));
    }

    public static Array textArray(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    public static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }
}
