package org.scholarly.citation.counts;

import com.fasterxml.jackson.core.type.TypeReference;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.contract.EventCodec;
import org.scholarly.support.paging.Cursors;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.ProblemException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The read side of citation counts. Reads the stored counters; never counts links on a request. */
@ApplicationScoped
public class CitationQueries {

    /** Articles whose citation data is public. */
    static final String VISIBLE = "NOT a.deleted AND a.workflow_status IN ('PUBLISHED', 'RETRACTED')";

    @Inject
    AgroalDataSource dataSource;

    public record ArticleCitations(UUID articleId, long citedByCount, Map<String, Long> countsByYear, int referenceCount,
                                   int resolvedReferenceCount, String referenceStatus, String notice, UUID buildId,
                                   OffsetDateTime asOf) {
    }

    public record CitingArticle(UUID articleId, Integer year, String doi, Map<String, String> titles, List<Integer> positions) {
    }

    public record ImpactFactor(int year, long citations, long citableItems, double value) {
    }

    public record JournalCitations(UUID journalId, long citedByCount, Map<String, Long> countsByYear, long articleCount,
                                   List<ImpactFactor> impactFactors) {
    }

    public ArticleCitations article(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT a.reference_count, a.resolved_count, a.reference_status, a.status_notice, a.status_build_id,
                            COALESCE(n.cited_by_count, 0) AS cited_by_count, GREATEST(a.updated_at, n.updated_at) AS as_of
                     FROM article a LEFT JOIN citation_count n ON n.article_id = a.id
                     WHERE a.id = ? AND""" + " " + VISIBLE)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.notFound("No published article " + id + " is known to the citation index");
                }
                Map<String, Long> byYear = new LinkedHashMap<>();
                CountStore.byYear(c, "SELECT citing_year, count AS n FROM citation_count_year WHERE article_id = ? ORDER BY citing_year", id)
                        .forEach((year, n) -> byYear.put(String.valueOf(year), n));
                return new ArticleCitations(id, r.getLong("cited_by_count"), byYear, r.getInt("reference_count"),
                        r.getInt("resolved_count"), r.getString("reference_status"), r.getString("status_notice"),
                        r.getObject("status_build_id", UUID.class),
                        r.getObject("as_of", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Citing articles, newest citing year first. */
    public Page<CitingArticle> citedBy(UUID id, String cursor, int limit) {
        article(id);
        record Position(int year, UUID id) {
        }
        Position after = Cursors.decode(cursor, 2, p -> new Position(Integer.parseInt(p[0]), UUID.fromString(p[1])));
        int afterYear = after == null ? Integer.MAX_VALUE : after.year();
        UUID afterId = after == null ? null : after.id();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT l.citing_article_id, l.citing_year, a.doi, a.titles::text AS titles,
                            array_agg(l.position ORDER BY l.position) AS positions
                     FROM citation_link l JOIN article a ON a.id = l.citing_article_id
                     WHERE l.cited_article_id = ?
                       AND (COALESCE(l.citing_year, 0), l.citing_article_id) < (?, ?::uuid)
                     GROUP BY l.citing_article_id, l.citing_year, a.doi, a.titles::text
                     ORDER BY COALESCE(l.citing_year, 0) DESC, l.citing_article_id DESC
                     LIMIT ?""")) {
            s.setObject(1, id);
            s.setInt(2, afterYear);
            s.setString(3, afterId == null ? "ffffffff-ffff-ffff-ffff-ffffffffffff" : afterId.toString());
            s.setInt(4, limit + 1);
            List<CitingArticle> items = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.add(new CitingArticle(r.getObject("citing_article_id", UUID.class), (Integer) r.getObject("citing_year"),
                            r.getString("doi"), titles(r.getString("titles")),
                            Arrays.asList((Integer[]) r.getArray("positions").getArray())));
                }
            }
            return Page.of(items, limit, last -> Cursors.encode(last.year() == null ? 0 : last.year(), last.articleId()), item -> item);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public JournalCitations journal(UUID journalId) {
        try (Connection c = dataSource.getConnection()) {
            Map<Integer, Long> items = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.publication_year, count(*) AS n FROM article a
                    WHERE a.journal_id = ? AND a.publication_year IS NOT NULL AND""" + " " + VISIBLE + " GROUP BY 1")) {
                s.setObject(1, journalId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        items.put(r.getInt("publication_year"), r.getLong("n"));
                    }
                }
            }
            Map<Integer, Map<Integer, Long>> byCitingYear = new TreeMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT citing_year, cited_year, count FROM journal_citation_count WHERE journal_id = ?")) {
                s.setObject(1, journalId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byCitingYear.computeIfAbsent(r.getInt("citing_year"), y -> new TreeMap<>()).put(r.getInt("cited_year"), r.getLong("count"));
                    }
                }
            }
            if (items.isEmpty() && byCitingYear.isEmpty()) {
                throw ProblemException.notFound("No journal " + journalId + " is known to the citation index");
            }
            Map<String, Long> countsByYear = new LinkedHashMap<>();
            long total = 0;
            for (Map.Entry<Integer, Map<Integer, Long>> e : byCitingYear.entrySet()) {
                long sum = e.getValue().values().stream().mapToLong(Long::longValue).sum();
                countsByYear.put(String.valueOf(e.getKey()), sum);
                total += sum;
            }
            return new JournalCitations(journalId, total, countsByYear, items.values().stream().mapToLong(Long::longValue).sum(),
                    impactFactors(items, byCitingYear));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two-year impact factor of year Y: citations in Y to items published in Y-1 and Y-2, divided by the number of
     * those items. Given for every year with such items, up to this year or the latest citing year.
     */
    static List<ImpactFactor> impactFactors(Map<Integer, Long> items, Map<Integer, Map<Integer, Long>> byCitingYear) {
        List<ImpactFactor> factors = new ArrayList<>();
        if (items.isEmpty()) {
            return factors;
        }
        int first = ((TreeMap<Integer, Long>) items).firstKey() + 1;
        int last = Math.max(Year.now(ZoneOffset.UTC).getValue(),
                byCitingYear.isEmpty() ? 0 : ((TreeMap<Integer, Map<Integer, Long>>) byCitingYear).lastKey());
        last = Math.min(last, ((TreeMap<Integer, Long>) items).lastKey() + 2);
        for (int year = first; year <= last; year++) {
            long citable = items.getOrDefault(year - 1, 0L) + items.getOrDefault(year - 2, 0L);
            if (citable == 0) {
                continue;
            }
            Map<Integer, Long> cited = byCitingYear.getOrDefault(year, Map.of());
            long citations = cited.getOrDefault(year - 1, 0L) + cited.getOrDefault(year - 2, 0L);
            factors.add(new ImpactFactor(year, citations, citable, Math.round(citations * 1000.0 / citable) / 1000.0));
        }
        return factors;
    }

    static Map<String, String> titles(String json) {
        try {
            return EventCodec.mapper().readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
