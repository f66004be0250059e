package org.scholarly.citation.reference;

import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.resolution.ParsedReference;
import org.scholarly.citation.resolution.ReferenceParser;
import org.scholarly.citation.resolution.ReferenceResolver;
import org.scholarly.citation.resolution.Resolution;
import org.scholarly.citation.resolution.TextKeys;
import org.scholarly.contract.ArticleEventData;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Plain JDBC on {@code article_reference}; callers hold the transaction. */
public final class ReferenceStore {

    private static final String COLUMNS = "citing_article_id, position, raw, authors, title, container, year, volume, issue, "
            + "first_page, last_page, doi, status, target_article_id, method, score, candidate_count";

    /** Below this score a link made without a DOI is looked at again when a better candidate may have arrived (V4). */
    public static final double WEAK_LINK_SCORE = 0.8;

    private ReferenceStore() {
    }

    public static ReferenceResolver.Input input(ArticleEventData.Reference r) {
        return new ReferenceResolver.Input(r.raw(), r.authors(), r.title(), r.container(), r.year(), r.volume(), r.issue(),
                r.firstPage(), r.lastPage(), r.doi());
    }

    /** Replaces the whole reference list of an article, resolving every entry. */
    public static void replace(Connection c, UUID citing, List<ArticleEventData.Reference> references, ReferenceResolver resolver)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_reference WHERE citing_article_id = ?")) {
            delete.setObject(1, citing);
            delete.executeUpdate();
        }
        if (references == null || references.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article_reference (citing_article_id, position, raw, authors, title, container, year, volume, issue,
                    first_page, last_page, doi, norm_doi, search_key, year_page_keys, status, target_article_id, method, score,
                    candidate_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (citing_article_id, position) DO NOTHING""")) {
            for (ArticleEventData.Reference reference : references) {
                ReferenceResolver.Input in = input(reference);
                Resolution resolution = resolver.resolve(in, citing);
                insert.setObject(1, citing);
                insert.setInt(2, reference.position());
                insert.setString(3, in.raw());
                insert.setArray(4, in.authors() == null ? null : ArticleStore.textArray(c, in.authors()));
                insert.setString(5, in.title());
                insert.setString(6, in.container());
                ArticleStore.setInteger(insert, 7, in.year());
                insert.setString(8, in.volume());
                insert.setString(9, in.issue());
                insert.setString(10, in.firstPage());
                insert.setString(11, in.lastPage());
                insert.setString(12, in.doi());
                insert.setString(13, normalisedDoi(in));
                insert.setString(14, searchKey(in));
                insert.setArray(15, ArticleStore.textArray(c, List.copyOf(yearPageKeys(in))));
                bindResolution(insert, 16, resolution);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static void updateResolution(Connection c, UUID citing, int position, Resolution resolution) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE article_reference SET status = ?, target_article_id = ?, method = ?, score = ?, candidate_count = ?,
                    resolved_at = now() WHERE citing_article_id = ? AND position = ?""")) {
            bindResolution(s, 1, resolution);
            s.setObject(6, citing);
            s.setInt(7, position);
            s.executeUpdate();
        }
    }

    private static void bindResolution(PreparedStatement s, int from, Resolution resolution) throws SQLException {
        s.setString(from, resolution.status().name());
        s.setObject(from + 1, resolution.target());
        s.setString(from + 2, resolution.method() == null ? null : resolution.method().name());
        if (resolution.score() == null) {
            s.setNull(from + 3, java.sql.Types.DOUBLE);
        } else {
            s.setDouble(from + 3, resolution.score());
        }
        s.setInt(from + 4, resolution.candidates());
    }

    public static List<StoredReference> ofArticle(Connection c, UUID citing) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM article_reference WHERE citing_article_id = ? ORDER BY position", citing);
    }

    /**
     * At most {@code limit} references of {@code citing} after position {@code after}, in position order: a keyset
     * page read through the primary key (citing_article_id, position), so a page costs its own rows however long the
     * reference list is.
     */
    public static List<StoredReference> pageOf(Connection c, UUID citing, int after, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM article_reference WHERE citing_article_id = ? AND position > ? ORDER BY position LIMIT ?")) {
            s.setObject(1, citing);
            s.setInt(2, after);
            s.setInt(3, limit);
            return read(s);
        }
    }

    /** References currently resolved to {@code target} (indexed by target). */
    public static List<StoredReference> resolvedTo(Connection c, UUID target) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM article_reference WHERE target_article_id = ? ORDER BY citing_article_id, position", target);
    }

    /**
     * References that may point to a newly arrived or changed article: open ones (unresolved or ambiguous) and
     * weakly linked ones (no DOI, score below {@value #WEAK_LINK_SCORE}: linked to a look-alike because the work they
     * name had not arrived yet), with the same DOI, the same (year, first page), or one of the article's titles
     * inside the reference text. Each branch uses a partial index
     * over open references only (a bitmap OR); nothing scans the resolved ones. The statement text is the same for
     * every article, so the service plans it once (see {@code plan_cache_mode} in application.properties): estimating
     * trigram conditions costs more than running them.
     */
    public static List<StoredReference> openCandidatesFor(Connection c, ArticleRow article) throws SQLException {
        List<String> titleKeys = article.titleKeys().stream().filter(key -> key.length() >= 4).toList();
        boolean yearPage = article.year() != null && article.firstPage() != null;
        if (article.doi() == null && !yearPage && titleKeys.isEmpty()) {
            return List.of();
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL pg_trgm.word_similarity_threshold = 0.45");
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + """
                 FROM article_reference
                WHERE (status <> 'RESOLVED' OR score < 0.8) AND citing_article_id <> ?
                  AND (norm_doi = ? OR year_page_keys && ? OR search_key %> ANY (?))
                ORDER BY citing_article_id, position""")) {
            s.setObject(1, article.id());
            s.setString(2, article.doi());
            s.setArray(3, c.createArrayOf("text", yearPage ? new Object[]{article.year() + ":" + article.firstPage()} : new Object[0]));
            s.setArray(4, c.createArrayOf("text", titleKeys.toArray()));
            return read(s);
        }
    }

    private static List<StoredReference> query(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            return read(s);
        }
    }

    private static List<StoredReference> read(PreparedStatement s) throws SQLException {
        List<StoredReference> references = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ReferenceResolver.Input in = new ReferenceResolver.Input(r.getString(3),
                        r.getArray(4) == null ? null : ArticleStore.strings(r.getArray(4)), r.getString(5), r.getString(6),
                        (Integer) r.getObject(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getString(12));
                String method = r.getString(15);
                Resolution resolution = new Resolution(Resolution.Status.valueOf(r.getString(13)), r.getObject(14, UUID.class),
                        method == null ? null : Resolution.Method.valueOf(method), (Double) r.getObject(16), r.getInt(17));
                references.add(new StoredReference(r.getObject(1, UUID.class), r.getInt(2), in, resolution));
            }
        }
        return references;
    }

    /** The normalised DOIs the resolver will look up for these references (see {@link JdbcCandidateSource#prefetchDois}). */
    public static List<String> dois(Collection<ReferenceResolver.Input> references) {
        return references.stream().map(ReferenceStore::normalisedDoi).filter(Objects::nonNull).distinct().toList();
    }

    static String normalisedDoi(ReferenceResolver.Input in) {
        String doi = TextKeys.doi(in.doi());
        return doi != null ? doi : TextKeys.doi(in.raw());
    }

    /** The text a late-arriving title is looked for in: the raw string, or the structured fields run together. */
    static String searchKey(ReferenceResolver.Input in) {
        if (in.raw() != null && !in.raw().isBlank()) {
            return TextKeys.key(in.raw());
        }
        return TextKeys.key(Stream.of(in.authors() == null ? "" : String.join(" ", in.authors()), in.title(), in.container(),
                        in.year() == null ? null : in.year().toString(), in.volume(), in.firstPage())
                .filter(v -> v != null).collect(Collectors.joining(" ")));
    }

    static Set<String> yearPageKeys(ReferenceResolver.Input in) {
        Set<Integer> years = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        ParsedReference structured = ReferenceParser.structured(in.authors(), in.title(), in.container(), in.year(), in.volume(),
                in.issue(), in.firstPage(), in.lastPage(), in.doi());
        years.addAll(structured.years());
        // Page keys, not only page ranges: a reference without a title often gives a first page or an article number
        // alone ("Phys. Rev. Lett. 95, 123456 (2005)"), and must still be found when that article arrives.
        pages.addAll(structured.pageKeys());
        if (in.raw() != null && !in.raw().isBlank()) {
            ParsedReference raw = ReferenceParser.raw(in.raw());
            years.addAll(raw.years());
            pages.addAll(raw.pageKeys());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Integer year : years) {
            for (String page : pages) {
                keys.add(year + ":" + page);
            }
        }
        return keys;
    }
}
