package org.scholarly.citation.graph;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.scholarly.citation.article.ArticleRow;
import org.scholarly.citation.article.ArticleSnapshots;
import org.scholarly.citation.article.ArticleStore;
import org.scholarly.citation.counts.CountStore;
import org.scholarly.citation.counts.LinkStore;
import org.scholarly.citation.reference.JdbcCandidateSource;
import org.scholarly.citation.reference.ReferenceStatusService;
import org.scholarly.citation.reference.ReferenceStore;
import org.scholarly.citation.reference.StoredReference;
import org.scholarly.citation.resolution.ReferenceResolver;
import org.scholarly.citation.resolution.Resolution;
import org.scholarly.contract.ArticleEventData;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies changes to the citation graph inside the caller's transaction: a new article snapshot (its references,
 * its links, and the references elsewhere that may now point to it), or a rebuild of one article's references.
 * Every path ends in {@link CountStore#refresh} for the articles whose links moved (for a snapshot, once the caller
 * has applied all of its transaction's events), so counters never drift.
 */
@ApplicationScoped
public class CitationGraph {

    @Inject
    ReferenceStatusService statuses;

    /**
     * Applies a snapshot newer than the stored version (the caller checked) and returns the articles whose counters
     * must be recounted ({@link CountStore#refresh}) before the transaction commits. The caller recounts once for
     * all the events of its transaction: an article cited by fifty of them is counted once, not fifty times.
     */
    public Set<UUID> apply(Connection c, Optional<ArticleRow> previous, ArticleEventData snapshot) throws SQLException {
        ArticleRow before = previous.orElse(null);
        ArticleRow after = ArticleSnapshots.toRow(snapshot, before);
        ArticleStore.upsert(c, after);
        JdbcCandidateSource candidates = new JdbcCandidateSource(c);
        ReferenceResolver resolver = new ReferenceResolver(candidates);

        if (before == null || !Objects.equals(before.referencesHash(), after.referencesHash())) {
            if (snapshot.references() != null) {
                candidates.prefetchDois(ReferenceStore.dois(snapshot.references().stream().map(ReferenceStore::input).toList()));
            }
            ReferenceStore.replace(c, after.id(), snapshot.references(), resolver);
        }
        Set<UUID> countsToRefresh = new HashSet<>(LinkStore.rebuild(c, after));
        countsToRefresh.add(after.id());

        // Target side: references elsewhere that resolved to this article, or might resolve to it now.
        Set<UUID> citingToRelink = new TreeSet<>();
        if (after.matchesDifferentlyFrom(before)) {
            List<StoredReference> affected = new ArrayList<>();
            if (before != null && before.citable()) {
                affected.addAll(ReferenceStore.resolvedTo(c, after.id()));
            }
            if (after.citable()) {
                affected.addAll(ReferenceStore.openCandidatesFor(c, after));
            }
            citingToRelink.addAll(reResolve(c, affected, resolver));
        }
        for (UUID citing : citingToRelink) {
            countsToRefresh.addAll(relink(c, citing));
        }
        statuses.refresh(c, after.id());
        return countsToRefresh;
    }

    /**
     * Resolves every reference of one article again against the current catalog (what a campaign does);
     * returns {resolved, unresolved}.
     */
    public int[] rebuild(Connection c, UUID articleId) throws SQLException {
        JdbcCandidateSource candidates = new JdbcCandidateSource(c);
        ReferenceResolver resolver = new ReferenceResolver(candidates);
        List<StoredReference> references = ReferenceStore.ofArticle(c, articleId);
        candidates.prefetchDois(ReferenceStore.dois(references.stream().map(StoredReference::input).toList()));
        reResolve(c, references, resolver);
        CountStore.refresh(c, relink(c, articleId));
        int resolved = (int) ReferenceStore.ofArticle(c, articleId).stream().filter(r -> r.resolution().resolved()).count();
        return new int[]{resolved, references.size() - resolved};
    }

    /** Re-resolves the given references; returns the citing articles whose resolutions changed. */
    private static Set<UUID> reResolve(Connection c, Collection<StoredReference> references, ReferenceResolver resolver)
            throws SQLException {
        Set<UUID> changed = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (StoredReference reference : references) {
            if (!seen.add(reference.citingArticleId() + "#" + reference.position())) {
                continue;
            }
            Resolution next = resolver.resolve(reference.input(), reference.citingArticleId());
            Resolution current = reference.resolution();
            if (next.status() != current.status() || !Objects.equals(next.target(), current.target())
                    || !Objects.equals(next.score(), current.score()) || next.method() != current.method()) {
                ReferenceStore.updateResolution(c, reference.citingArticleId(), reference.position(), next);
                changed.add(reference.citingArticleId());
            }
        }
        return changed;
    }

    /** Rebuilds the links of one citing article and its status; returns the cited articles whose links moved. */
    private Set<UUID> relink(Connection c, UUID citingId) throws SQLException {
        Optional<ArticleRow> citing = ArticleStore.find(c, citingId);
        if (citing.isEmpty()) {
            return Set.of();
        }
        Set<UUID> moved = LinkStore.rebuild(c, citing.get());
        statuses.refresh(c, citingId);
        return moved;
    }
}
