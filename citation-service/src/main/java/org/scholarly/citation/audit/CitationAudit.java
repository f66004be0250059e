package org.scholarly.citation.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes what the stored counters claim, straight from the citation links, and the links from the resolved
 * references, and counts every row on which the two disagree. Operators and the fault drills read it; a healthy
 * service answers zero everywhere, whatever was killed or replayed on the way.
 */
@ApplicationScoped
public class CitationAudit {

    /** Each pair: what is stored, and the same recomputed from the rows it is derived from. */
    private static final Map<String, String[]> CHECKS = new LinkedHashMap<>();

    static {
        CHECKS.put("articleCounts", new String[] {
                "SELECT article_id, cited_by_count FROM citation_count WHERE cited_by_count > 0",
                "SELECT cited_article_id, count(DISTINCT citing_article_id) FROM citation_link GROUP BY 1"});
        CHECKS.put("yearCounts", new String[] {
                "SELECT article_id, citing_year, count FROM citation_count_year",
                "SELECT cited_article_id, citing_year, count(DISTINCT citing_article_id) FROM citation_link "
                        + "WHERE citing_year IS NOT NULL GROUP BY 1, 2"});
        CHECKS.put("journalCounts", new String[] {
                "SELECT journal_id, citing_year, cited_year, count FROM journal_citation_count",
                "SELECT a.journal_id, l.citing_year, a.publication_year, count(DISTINCT (l.citing_article_id, l.cited_article_id)) "
                        + "FROM citation_link l JOIN article a ON a.id = l.cited_article_id WHERE NOT a.deleted "
                        + "AND a.journal_id IS NOT NULL AND a.publication_year IS NOT NULL AND l.citing_year IS NOT NULL "
                        + "GROUP BY 1, 2, 3"});
        // Links exist exactly for resolved references of published, undeleted citing articles.
        CHECKS.put("links", new String[] {
                "SELECT citing_article_id, position, cited_article_id FROM citation_link",
                "SELECT r.citing_article_id, r.position, r.target_article_id FROM article_reference r "
                        + "JOIN article a ON a.id = r.citing_article_id "
                        + "WHERE r.status = 'RESOLVED' AND a.workflow_status = 'PUBLISHED' AND NOT a.deleted"});
    }

    @Inject
    AgroalDataSource dataSource;

    public record Report(long articles, long links, long processedEvents, Map<String, Long> mismatches, boolean consistent) {
    }

    public record ArticleVersion(UUID id, long version) {
    }

    public record Behind(UUID id, long expectedVersion, long appliedVersion) {
    }

    public record ArticleCheck(int checked, List<UUID> missing, List<Behind> behind, Map<UUID, Long> citedByCount) {
    }

    public Report report() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            // One snapshot for all queries, so that a count and its recomputation see the same links.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Map<String, Long> mismatches = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> check : CHECKS.entrySet()) {
                String stored = check.getValue()[0];
                String recomputed = check.getValue()[1];
                mismatches.put(check.getKey(), single(connection, "SELECT count(*) AS n FROM (((" + stored + ") EXCEPT (" + recomputed
                        + ")) UNION ALL ((" + recomputed + ") EXCEPT (" + stored + "))) difference"));
            }
            long articles = single(connection, "SELECT count(*) AS n FROM article WHERE NOT deleted");
            long links = single(connection, "SELECT count(*) AS n FROM citation_link");
            long events = single(connection, "SELECT count(*) AS n FROM processed_event");
            connection.commit();
            boolean consistent = mismatches.values().stream().allMatch(m -> m == 0);
            return new Report(articles, links, events, mismatches, consistent);
        } catch (SQLException e) {
            throw new IllegalStateException("Audit failed: " + e.getMessage(), e);
        }
    }

    /** Which of the catalog's article versions this service has applied, and their cited-by counts. */
    public ArticleCheck check(List<ArticleVersion> expected) {
        Map<UUID, Long> applied = new HashMap<>();
        Map<UUID, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT a.id, a.version, COALESCE(c.cited_by_count, 0) AS cited_by_count FROM article a
                     LEFT JOIN citation_count c ON c.article_id = a.id WHERE a.id = ANY (?)""")) {
            query.setArray(1, connection.createArrayOf("uuid", expected.stream().map(ArticleVersion::id).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject("id", UUID.class);
                    applied.put(id, rows.getLong("version"));
                    counts.put(id, rows.getLong("cited_by_count"));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Audit failed: " + e.getMessage(), e);
        }
        List<UUID> missing = new ArrayList<>();
        List<Behind> behind = new ArrayList<>();
        for (ArticleVersion article : expected) {
            Long version = applied.get(article.id());
            if (version == null) {
                missing.add(article.id());
            } else if (version < article.version()) {
                behind.add(new Behind(article.id(), article.version(), version));
            }
        }
        return new ArticleCheck(expected.size(), missing, behind, counts);
    }

    /** Runs a query that answers one row with one column named {@code n}. */
    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong("n");
        }
    }
}
