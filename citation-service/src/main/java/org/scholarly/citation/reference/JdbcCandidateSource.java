package org.scholarly.citation.reference;

import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.resolution.CandidateArticle;
import org.scholarly.citation.resolution.CandidateSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Candidates from the read model with indexed look-ups only: DOI (btree), title trigrams (pg_trgm GIN) and
 * (publication year, first page) (btree). Only citable articles (published or retracted, not deleted) qualify.
 */
public final class JdbcCandidateSource implements CandidateSource {

    /** Title pieces searched per reference; the longest pieces come first. */
    static final int MAX_TITLE_QUERIES = 6;
    static final int CANDIDATES_PER_QUERY = 8;
    private static final String CITABLE = "NOT a.deleted AND a.workflow_status IN ('PUBLISHED', 'RETRACTED')";

    private final Connection connection;
    private boolean thresholdSet;

    public JdbcCandidateSource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public List<CandidateArticle> byDoi(String doi) {
        try {
            return load(ids("SELECT a.id FROM article a WHERE a.doi = ? AND " + CITABLE, doi));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Collection<CandidateArticle> search(List<String> titleKeys, String textKey, Collection<Integer> years,
                                               Collection<Integer> firstPages, UUID exclude) {
        try {
            Set<UUID> ids = new LinkedHashSet<>();
            if (!titleKeys.isEmpty()) {
                ids.addAll(exactTitleMatches(titleKeys));
            }
            if (!titleKeys.isEmpty() && ids.isEmpty()) {
                setThreshold();
                try (PreparedStatement s = connection.prepareStatement("""
                        SELECT t.article_id FROM article_title t JOIN article a ON a.id = t.article_id
                        WHERE t.title_key % ? AND""" + " " + CITABLE + """
                         ORDER BY similarity(t.title_key, ?) DESC LIMIT ?""")) {
                    for (String key : titleKeys.subList(0, Math.min(MAX_TITLE_QUERIES, titleKeys.size()))) {
                        s.setString(1, key);
                        s.setString(2, key);
                        s.setInt(3, CANDIDATES_PER_QUERY);
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                ids.add(r.getObject(1, UUID.class));
                            }
                        }
                    }
                }
            }
            if (!years.isEmpty() && !firstPages.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT a.id FROM article a WHERE a.publication_year = ANY (?) AND a.first_page = ANY (?) AND " + CITABLE + " LIMIT 20")) {
                    s.setArray(1, connection.createArrayOf("integer", years.toArray()));
                    s.setArray(2, connection.createArrayOf("text", firstPages.stream().map(String::valueOf).toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            ids.add(r.getObject(1, UUID.class));
                        }
                    }
                }
            }
            ids.remove(exclude);
            return load(new ArrayList<>(ids));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Articles one of whose titles equals one of the keys: a btree look-up, whatever the corpus size. */
    private List<UUID> exactTitleMatches(List<String> titleKeys) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT t.article_id FROM article_title t JOIN article a ON a.id = t.article_id"
                + " WHERE t.title_key = ANY (?) AND " + CITABLE + " LIMIT ?")) {
            s.setArray(1, connection.createArrayOf("text", titleKeys.toArray()));
            s.setInt(2, CANDIDATES_PER_QUERY);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private void setThreshold() throws SQLException {
        if (!thresholdSet) {
            try (Statement s = connection.createStatement()) {
                // Candidate retrieval is generous; the resolver's own scoring is strict.
                s.execute("SET LOCAL pg_trgm.similarity_threshold = 0.3");
            }
            thresholdSet = true;
        }
    }

    private List<UUID> ids(String sql, String parameter) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private List<CandidateArticle> load(List<UUID> ids) throws SQLException {
        List<CandidateArticle> candidates = new ArrayList<>();
        if (ids.isEmpty()) {
            return candidates;
        }
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT id, doi, publication_year, volume, issue_number, first_page, last_page, title_keys, container_keys,
                       author_latin, author_hangul, author_hangul_family
                FROM article WHERE id = ANY (?)""")) {
            s.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(new CandidateArticle(r.getObject(1, UUID.class), r.getString(2), (Integer) r.getObject(3),
                            r.getString(4), r.getString(5), page(r.getString(6)), page(r.getString(7)),
                            ArticleStore.strings(r.getArray(8)), ArticleStore.strings(r.getArray(9)),
                            ArticleStore.strings(r.getArray(10)), ArticleStore.strings(r.getArray(11)),
                            ArticleStore.strings(r.getArray(12))));
                }
            }
        }
        return candidates;
    }

    private static Integer page(String value) {
        return value != null && !value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(value) : null;
    }
}
