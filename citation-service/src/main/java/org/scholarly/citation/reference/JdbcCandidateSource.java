package org.scholarly.citation.reference;

import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.resolution.CandidateArticle;
import org.scholarly.citation.resolution.CandidateSource;
import org.scholarly.citation.resolution.LookupKeys;
import org.scholarly.citation.resolution.ReferenceResolver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Candidates from the read model by their lookup keys ({@code article_lookup_key}, a B-tree on the key): equality
 * look-ups only, at most {@value #CANDIDATES_PER_KEY} articles per key, only citable articles (published or
 * retracted, not deleted). Keys are loaded in sets: {@link #prefetch} asks for the keys of a whole poll of
 * references in a few statements, so that resolving costs a few round trips per poll instead of one per reference.
 * Valid for one transaction, after the articles it writes are in: the read model does not change under it.
 */
public final class JdbcCandidateSource implements CandidateSource {

    /**
     * A key shared by more articles than this (page 1 of a year, a formulaic title) adds this many candidates and no
     * more: a key is evidence only together with the others, and the look-up stays bounded.
     */
    static final int CANDIDATES_PER_KEY = 24;
    /** Keys per statement: bounds the statement's parameter array. */
    static final int KEYS_PER_STATEMENT = 20_000;

    private static final String CANDIDATE_COLUMNS = "a.id, a.doi, a.publication_year, a.volume, a.issue_number, a.first_page, "
            + "a.last_page, a.title_keys, a.container_keys, a.author_latin, a.author_hangul, a.author_hangul_family, "
            + "a.container_words";

    private final Connection connection;
    private final Map<Long, List<CandidateArticle>> byKey = new HashMap<>();

    public JdbcCandidateSource(Connection connection) {
        this.connection = connection;
    }

    /**
     * Loads the candidates of every reference in one go: first the DOIs, then every other key of the references a
     * DOI does not decide (half of all references carry one, and they need nothing else), then the author-and-year
     * keys of those that found nothing.
     */
    public void prefetch(Collection<ReferenceResolver.Prepared> references) {
        load(references.stream().filter(r -> r.doi() != null).map(r -> LookupKeys.doi(r.doi())).toList());
        List<ReferenceResolver.Prepared> open = references.stream().filter(r -> !decidedByDoi(r)).toList();
        load(open.stream().flatMap(r -> r.keys().stream()).toList());
        load(open.stream().filter(r -> byKeys(r.keys()).isEmpty()).flatMap(r -> r.fallbackKeys().stream()).toList());
    }

    private boolean decidedByDoi(ReferenceResolver.Prepared reference) {
        return reference.doi() != null && byKeys(List.of(LookupKeys.doi(reference.doi()))).stream()
                .filter(c -> reference.doi().equals(c.doi())).count() == 1;
    }

    @Override
    public Collection<CandidateArticle> byKeys(Collection<Long> keys) {
        load(keys);
        Map<UUID, CandidateArticle> found = new LinkedHashMap<>();
        for (Long key : keys) {
            for (CandidateArticle candidate : byKey.getOrDefault(key, List.of())) {
                found.putIfAbsent(candidate.id(), candidate);
            }
        }
        return found.values();
    }

    /** Loads the keys not loaded yet. */
    public void load(Collection<Long> keys) {
        List<Long> missing = keys.stream().filter(k -> !byKey.containsKey(k)).distinct().toList();
        for (int from = 0; from < missing.size(); from += KEYS_PER_STATEMENT) {
            List<Long> chunk = missing.subList(from, Math.min(missing.size(), from + KEYS_PER_STATEMENT));
            chunk.forEach(key -> byKey.put(key, new ArrayList<>()));
            try {
                query(chunk);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void query(List<Long> keys) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT wanted.lookup_key,""" + " " + CANDIDATE_COLUMNS + """
                 FROM unnest(?::bigint[]) AS wanted (lookup_key) CROSS JOIN LATERAL (
                    SELECT k.article_id FROM article_lookup_key k WHERE k.lookup_key = wanted.lookup_key LIMIT ?) AS hit
                JOIN article a ON a.id = hit.article_id
                WHERE NOT a.deleted AND a.workflow_status IN ('PUBLISHED', 'RETRACTED')""")) {
            s.setArray(1, connection.createArrayOf("bigint", keys.toArray()));
            s.setInt(2, CANDIDATES_PER_KEY);
            Map<UUID, CandidateArticle> rows = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject("id", UUID.class);
                    CandidateArticle candidate = rows.get(id);
                    if (candidate == null) {
                        candidate = candidate(r);
                        rows.put(id, candidate);
                    }
                    byKey.get(r.getLong("lookup_key")).add(candidate);
                }
            }
        }
    }

    private static CandidateArticle candidate(ResultSet r) throws SQLException {
        String firstPage = r.getString("first_page");
        return new CandidateArticle(r.getObject("id", UUID.class), r.getString("doi"), (Integer) r.getObject("publication_year"),
                r.getString("volume"), r.getString("issue_number"), page(firstPage), page(r.getString("last_page")), firstPage,
                ArticleStore.strings(r.getArray("title_keys")), ArticleStore.strings(r.getArray("container_keys")),
                ArticleStore.strings(r.getArray("container_words")), ArticleStore.strings(r.getArray("author_latin")),
                ArticleStore.strings(r.getArray("author_hangul")), ArticleStore.strings(r.getArray("author_hangul_family")));
    }

    private static Integer page(String value) {
        return value != null && !value.isEmpty() && value.length() <= 6 && value.chars().allMatch(Character::isDigit)
                ? Integer.valueOf(value) : null;
    }
}
