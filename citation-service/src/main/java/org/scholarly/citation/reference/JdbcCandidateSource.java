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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Candidates from the read model with indexed look-ups only: DOI (btree), title trigrams (pg_trgm GIN),
 * (publication year, first page) and (first page, volume or issue) (btree). Only citable articles (published or
 * retracted, not deleted) qualify.
 */
public final class JdbcCandidateSource implements CandidateSource {

    /** Title pieces searched per reference; the longest pieces come first. */
    static final int MAX_TITLE_QUERIES = 6;
    static final int CANDIDATES_PER_QUERY = 8;
    /**
     * Volume candidates per reference in the (first page, volume) look-up: a raw string offers every short number
     * in it, and the look-up probes each pair of first page and volume.
     */
    static final int MAX_VOLUME_KEYS = 12;
    private static final String CITABLE = "NOT a.deleted AND a.workflow_status IN ('PUBLISHED', 'RETRACTED')";

    private static final String CANDIDATE_COLUMNS = "a.id, a.doi, a.publication_year, a.volume, a.issue_number, a.first_page, "
            + "a.last_page, a.title_keys, a.container_keys, a.author_latin, a.author_hangul, a.author_hangul_family, "
            + "a.container_words";

    private final Connection connection;
    private final Map<String, List<CandidateArticle>> prefetchedDois = new HashMap<>();
    private boolean thresholdSet;

    public JdbcCandidateSource(Connection connection) {
        this.connection = connection;
    }

    /**
     * Looks up the DOIs of a whole reference list in one query, so that resolving it costs one round trip for its
     * DOIs rather than one per reference. Valid for this source's life: the read model does not change under it.
     */
    public void prefetchDois(Collection<String> dois) {
        List<String> wanted = dois.stream().filter(d -> d != null && !prefetchedDois.containsKey(d)).distinct().toList();
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT " + CANDIDATE_COLUMNS + " FROM article a WHERE a.doi = ANY (?) AND " + CITABLE)) {
            s.setArray(1, connection.createArrayOf("text", wanted.toArray()));
            wanted.forEach(doi -> prefetchedDois.put(doi, new ArrayList<>()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    CandidateArticle candidate = candidate(r);
                    prefetchedDois.get(candidate.doi()).add(candidate);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<CandidateArticle> byDoi(String doi) {
        List<CandidateArticle> prefetched = prefetchedDois.get(doi);
        if (prefetched != null) {
            return List.copyOf(prefetched);
        }
        try {
            return load(ids("SELECT a.id FROM article a WHERE a.doi = ? AND " + CITABLE, doi));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The exact title, (year, first page) and (first page, volume or issue) look-ups go to the database together
     * with the candidates' rows, in one statement. The last finds references that carry no title
     * ("Phys. Rev. Lett. 95, 123456 (2005)"): both keys are exact, so its cost does not grow with the catalog.
     */
    @Override
    public Collection<CandidateArticle> search(List<String> titleKeys, String textKey, Collection<Integer> years,
                                               Collection<Integer> firstPages, Collection<String> pageKeys,
                                               Collection<String> volumes, UUID exclude) {
        try {
            Map<UUID, CandidateArticle> found = new LinkedHashMap<>();
            List<String> volumeKeys = volumes.stream().limit(MAX_VOLUME_KEYS).toList();
            boolean byLocator = !pageKeys.isEmpty() && !volumeKeys.isEmpty();
            if (!titleKeys.isEmpty() || (!years.isEmpty() && !firstPages.isEmpty()) || byLocator) {
                try (PreparedStatement s = connection.prepareStatement("""
                        WITH by_title AS (
                            SELECT t.article_id AS id FROM article_title t JOIN article a ON a.id = t.article_id
                            WHERE t.title_key = ANY (?) AND""" + " " + CITABLE + """
                         LIMIT ?),
                        by_page AS (
                            SELECT a.id FROM article a
                            WHERE a.publication_year = ANY (?) AND a.first_page = ANY (?) AND""" + " " + CITABLE + """
                         LIMIT 20),
                        by_locator AS (
                            SELECT a.id FROM article a
                            WHERE a.first_page = ANY (?) AND (a.volume = ANY (?) OR a.issue_number = ANY (?))
                              AND""" + " " + CITABLE + """
                         LIMIT 20)
                        SELECT""" + " " + CANDIDATE_COLUMNS + """
                         FROM article a
                        WHERE a.id IN (SELECT id FROM by_title UNION SELECT id FROM by_page UNION SELECT id FROM by_locator)""")) {
                    s.setArray(1, connection.createArrayOf("text", titleKeys.toArray()));
                    s.setInt(2, CANDIDATES_PER_QUERY);
                    s.setArray(3, connection.createArrayOf("integer", years.toArray()));
                    s.setArray(4, connection.createArrayOf("text", firstPages.stream().map(String::valueOf).toArray()));
                    s.setArray(5, connection.createArrayOf("text", byLocator ? pageKeys.toArray() : new Object[0]));
                    s.setArray(6, connection.createArrayOf("text", volumeKeys.toArray()));
                    s.setArray(7, connection.createArrayOf("text", volumeKeys.toArray()));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            CandidateArticle candidate = candidate(r);
                            found.put(candidate.id(), candidate);
                        }
                    }
                }
            }
            found.remove(exclude);
            return List.copyOf(found.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The titles closest to each of the longest keys: a typo, a subtitle, another transliteration. */
    @Override
    public Collection<CandidateArticle> similarTitles(List<String> titleKeys, UUID exclude) {
        try {
            List<UUID> ids = similarTitleIds(titleKeys);
            ids.remove(exclude);
            return load(ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For each key (the longest first) the titles most similar to it, in one statement. */
    private List<UUID> similarTitleIds(List<String> titleKeys) throws SQLException {
        setThreshold();
        List<String> keys = titleKeys.subList(0, Math.min(MAX_TITLE_QUERIES, titleKeys.size()));
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT closest.article_id FROM unnest(?::text[]) AS wanted (title_key) CROSS JOIN LATERAL (
                    SELECT t.article_id FROM article_title t JOIN article a ON a.id = t.article_id
                    WHERE t.title_key % wanted.title_key AND""" + " " + CITABLE + """
                     ORDER BY similarity(t.title_key, wanted.title_key) DESC LIMIT ?) AS closest""")) {
            s.setArray(1, connection.createArrayOf("text", keys.toArray()));
            s.setInt(2, CANDIDATES_PER_QUERY);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!ids.contains(r.getObject(1, UUID.class))) {
                        ids.add(r.getObject(1, UUID.class));
                    }
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
        try (PreparedStatement s = connection.prepareStatement("SELECT " + CANDIDATE_COLUMNS + " FROM article a WHERE a.id = ANY (?)")) {
            s.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(candidate(r));
                }
            }
        }
        return candidates;
    }

    private static CandidateArticle candidate(ResultSet r) throws SQLException {
        return new CandidateArticle(r.getObject(1, UUID.class), r.getString(2), (Integer) r.getObject(3),
                r.getString(4), r.getString(5), page(r.getString(6)), page(r.getString(7)), r.getString(6),
                ArticleStore.strings(r.getArray(8)), ArticleStore.strings(r.getArray(9)), ArticleStore.strings(r.getArray(13)),
                ArticleStore.strings(r.getArray(10)), ArticleStore.strings(r.getArray(11)),
                ArticleStore.strings(r.getArray(12)));
    }

    private static Integer page(String value) {
        return value != null && !value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(value) : null;
    }
}
