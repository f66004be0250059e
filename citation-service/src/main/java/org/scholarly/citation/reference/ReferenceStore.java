package org.scholarly.citation.reference;

import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleLookupKeys;
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
import java.util.HashSet;
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

    /** One citing article's new reference list, each entry parsed once. */
    public record NewList(UUID citing, List<ArticleEventData.Reference> references, List<ReferenceResolver.Prepared> prepared) {

        public static NewList of(UUID citing, List<ArticleEventData.Reference> references) {
            List<ArticleEventData.Reference> list = references == null ? List.of() : references;
            return new NewList(citing, list, list.stream().map(r -> ReferenceResolver.prepare(input(r))).toList());
        }
    }

    /** Replaces the whole reference list of an article, resolving every entry. */
    public static void replace(Connection c, UUID citing, List<ArticleEventData.Reference> references, ReferenceResolver resolver)
            throws SQLException {
        replaceAll(c, List.of(NewList.of(citing, references)), resolver);
    }

    /**
     * Replaces the reference lists of many articles in two statements (one delete, one batched insert), resolving
     * every entry; the caller prefetches the candidates of all of them first ({@link JdbcCandidateSource#prefetch}).
     */
    public static void replaceAll(Connection c, List<NewList> lists, ReferenceResolver resolver) throws SQLException {
        if (lists.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM article_reference WHERE citing_article_id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("uuid", lists.stream().map(NewList::citing).toArray()));
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO article_reference (citing_article_id, position, raw, authors, title, container, year, volume, issue,
                    first_page, last_page, doi, norm_doi, status, target_article_id, method, score, candidate_count, lookup_keys)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (citing_article_id, position) DO NOTHING""")) {
            for (NewList list : lists) {
                for (int i = 0; i < list.references().size(); i++) {
                    ReferenceResolver.Prepared prepared = list.prepared().get(i);
                    ReferenceResolver.Input in = prepared.input();
                    Resolution resolution = resolver.resolve(prepared, list.citing());
                    insert.setObject(1, list.citing());
                    insert.setInt(2, list.references().get(i).position());
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
                    insert.setString(13, prepared.doi());
                    bindResolution(insert, 14, resolution);
                    insert.setArray(19, lookupKeys(c, prepared, resolution));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    public static void updateResolution(Connection c, UUID citing, int position, ReferenceResolver.Prepared reference,
                                        Resolution resolution) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE article_reference SET status = ?, target_article_id = ?, method = ?, score = ?, candidate_count = ?,
                    lookup_keys = ?, resolved_at = now() WHERE citing_article_id = ? AND position = ?""")) {
            bindResolution(s, 1, resolution);
            s.setArray(6, lookupKeys(c, reference, resolution));
            s.setObject(7, citing);
            s.setInt(8, position);
            s.executeUpdate();
        }
    }

    /**
     * The keys a later arrival finds this reference by: only while it is open or weakly linked (the partial index's
     * predicate), since a reference linked for good is never looked at again from the other side.
     */
    private static java.sql.Array lookupKeys(Connection c, ReferenceResolver.Prepared reference, Resolution resolution)
            throws SQLException {
        return c.createArrayOf("bigint", open(resolution) ? reference.keys().toArray() : new Object[0]);
    }

    /** Spelled like the partial index: {@code status <> 'RESOLVED' OR score < 0.8}. */
    static boolean open(Resolution resolution) {
        return resolution.status() != Resolution.Status.RESOLVED
                || (resolution.score() != null && resolution.score() < WEAK_LINK_SCORE);
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
     * name had not arrived yet) that share one of its lookup keys. One GIN look-up by exact keys over open
     * references only; nothing scans the resolved ones, and the cost does not grow with the catalog.
     */
    public static List<StoredReference> openCandidatesFor(Connection c, ArticleRow article) throws SQLException {
        return openCandidatesFor(c, List.of(article), Set.of());
    }

    /** The same for many arrivals at once, leaving out the references of {@code skipCiting}. */
    public static List<StoredReference> openCandidatesFor(Connection c, Collection<ArticleRow> arrivals, Collection<UUID> skipCiting)
            throws SQLException {
        Set<Long> keys = new LinkedHashSet<>();
        Set<UUID> skip = new HashSet<>(skipCiting);
        for (ArticleRow arrival : arrivals) {
            keys.addAll(ArticleLookupKeys.of(arrival));
            skip.add(arrival.id());
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + """
                 FROM article_reference
                WHERE (status <> 'RESOLVED' OR score < 0.8) AND lookup_keys && ?::bigint[]
                  AND NOT (citing_article_id = ANY (?))
                ORDER BY citing_article_id, position""")) {
            s.setArray(1, c.createArrayOf("bigint", keys.toArray()));
            s.setArray(2, c.createArrayOf("uuid", skip.toArray()));
            return read(s);
        }
    }

    /** Open references stored before lookup keys existed (migration V9 marks them {0}), locked, at most {@code limit}. */
    public static List<StoredReference> awaitingLookupKeys(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + """
                 FROM article_reference
                WHERE (status <> 'RESOLVED' OR score < 0.8) AND lookup_keys @> '{0}' AND lookup_keys = '{0}'
                LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            s.setInt(1, limit);
            return read(s);
        }
    }

    /** The open references of the given citing articles that share a key with one of the arrivals. */
    public static List<StoredReference> openReferencesOf(Connection c, Collection<UUID> citing, Collection<ArticleRow> arrivals)
            throws SQLException {
        Set<Long> keys = new LinkedHashSet<>();
        arrivals.forEach(arrival -> keys.addAll(ArticleLookupKeys.of(arrival)));
        if (keys.isEmpty() || citing.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + """
                 FROM article_reference
                WHERE citing_article_id = ANY (?) AND (status <> 'RESOLVED' OR score < 0.8) AND lookup_keys && ?::bigint[]
                ORDER BY citing_article_id, position""")) {
            s.setArray(1, c.createArrayOf("uuid", citing.toArray()));
            s.setArray(2, c.createArrayOf("bigint", keys.toArray()));
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
                ReferenceResolver.Input in = new ReferenceResolver.Input(r.getString("raw"),
                        r.getArray("authors") == null ? null : ArticleStore.strings(r.getArray("authors")), r.getString("title"),
                        r.getString("container"), (Integer) r.getObject("year"), r.getString("volume"), r.getString("issue"),
                        r.getString("first_page"), r.getString("last_page"), r.getString("doi"));
                String method = r.getString("method");
                Resolution resolution = new Resolution(Resolution.Status.valueOf(r.getString("status")),
                        r.getObject("target_article_id", UUID.class), method == null ? null : Resolution.Method.valueOf(method),
                        (Double) r.getObject("score"), r.getInt("candidate_count"));
                references.add(new StoredReference(r.getObject("citing_article_id", UUID.class), r.getInt("position"), in, resolution));
            }
        }
        return references;
    }
}
