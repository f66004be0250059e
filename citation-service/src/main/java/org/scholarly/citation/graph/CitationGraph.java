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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies changes to the citation graph inside the caller's transaction: new article snapshots (their references,
 * their links, and the references elsewhere that may now point to them), or a rebuild of one article's references.
 * Work is done a poll at a time: all the articles first, then the candidates of every reference in a few set-based
 * look-ups, then the references elsewhere that the arrivals may answer. Every path ends in {@link CountStore#refresh}
 * for the articles whose links moved, so counters never drift. No lock spans the graph: what two concurrent
 * transactions could miss of each other is recorded ({@link GraphChanges}) and looked at again once both have
 * committed ({@link ConcurrentChangeReconciler}).
 */
@ApplicationScoped
public class CitationGraph {

    @Inject
    ReferenceStatusService statuses;

    /** One snapshot to apply, newer than the stored version (the caller checked). */
    public record Change(Optional<ArticleRow> previous, ArticleEventData snapshot) {
    }

    /**
     * What a batch changed: the counters to recount, the articles whose references it resolved (anew or again) and
     * the articles it made citable or changed as targets.
     */
    public record Applied(Set<UUID> countsToRefresh, Set<UUID> citing, Set<UUID> arrivals) {
    }

    /**
     * Applies the snapshots (at most one per article) and returns what the caller must recount
     * ({@link CountStore#refresh}) before the transaction commits and record ({@link GraphChanges#record}).
     */
    public Applied apply(Connection c, List<Change> changes) throws SQLException {
        Map<UUID, ArticleRow> before = new LinkedHashMap<>();
        Map<UUID, ArticleRow> after = new LinkedHashMap<>();
        for (Change change : changes) {
            ArticleRow previous = change.previous().orElse(null);
            ArticleRow next = ArticleSnapshots.toRow(change.snapshot(), previous);
            ArticleStore.upsert(c, previous, next);
            before.put(next.id(), previous);
            after.put(next.id(), next);
        }
        // Every article of the batch is in before any reference is resolved: a reference may name an article that
        // comes later in the same poll.
        JdbcCandidateSource candidates = new JdbcCandidateSource(c);
        ReferenceResolver resolver = new ReferenceResolver(candidates);
        List<ReferenceStore.NewList> lists = new ArrayList<>();
        for (Change change : changes) {
            ArticleRow next = after.get(change.snapshot().articleId());
            ArticleRow previous = before.get(next.id());
            if (previous == null || !Objects.equals(previous.referencesHash(), next.referencesHash())) {
                lists.add(ReferenceStore.NewList.of(next.id(), change.snapshot().references()));
            }
        }
        candidates.prefetch(lists.stream().flatMap(list -> list.prepared().stream()).toList());
        ReferenceStore.replaceAll(c, lists, resolver);

        Set<UUID> countsToRefresh = new HashSet<>();
        for (ArticleRow next : after.values()) {
            countsToRefresh.addAll(LinkStore.rebuild(c, next));
            countsToRefresh.add(next.id());
        }
        // Target side: references elsewhere that resolved to these articles, or might resolve to them now.
        List<ArticleRow> arrivals = new ArrayList<>();
        List<StoredReference> affected = new ArrayList<>();
        for (ArticleRow next : after.values()) {
            ArticleRow previous = before.get(next.id());
            if (next.matchesDifferentlyFrom(previous)) {
                if (previous != null && previous.citable()) {
                    affected.addAll(ReferenceStore.resolvedTo(c, next.id()));
                }
                if (next.citable()) {
                    arrivals.add(next);
                }
            }
        }
        Set<UUID> resolvedNow = new HashSet<>();
        lists.forEach(list -> resolvedNow.add(list.citing()));
        affected.addAll(ReferenceStore.openCandidatesFor(c, arrivals, resolvedNow));
        Set<UUID> citing = new HashSet<>(resolvedNow);
        for (UUID changed : reResolve(c, affected, candidates)) {
            countsToRefresh.addAll(relink(c, changed));
            citing.add(changed);
        }
        for (UUID id : after.keySet()) {
            statuses.refresh(c, id);
        }
        Set<UUID> arrivalIds = new HashSet<>();
        arrivals.forEach(a -> arrivalIds.add(a.id()));
        return new Applied(countsToRefresh, citing, arrivalIds);
    }

    /**
     * Resolves every reference of one article again against the current catalog (what a campaign does);
     * returns {resolved, unresolved}.
     */
    public int[] rebuild(Connection c, UUID articleId) throws SQLException {
        List<StoredReference> references = ReferenceStore.ofArticle(c, articleId);
        reResolve(c, references, new JdbcCandidateSource(c));
        CountStore.refresh(c, relink(c, articleId));
        int resolved = (int) ReferenceStore.ofArticle(c, articleId).stream().filter(r -> r.resolution().resolved()).count();
        return new int[]{resolved, references.size() - resolved};
    }

    /**
     * Looks again at the open references of {@code citing} against {@code arrivals}, after two transactions that
     * could not see each other have both committed; returns the counters to recount.
     */
    public Set<UUID> reconcile(Connection c, Collection<UUID> citing, Collection<UUID> arrivalIds) throws SQLException {
        List<ArticleRow> arrivals = new ArrayList<>();
        for (UUID id : new TreeSet<>(arrivalIds)) {
            ArticleStore.find(c, id).filter(ArticleRow::citable).ifPresent(arrivals::add);
        }
        List<StoredReference> open = ReferenceStore.openReferencesOf(c, citing, arrivals);
        if (open.isEmpty()) {
            return Set.of();
        }
        Set<UUID> countsToRefresh = new HashSet<>();
        for (UUID changed : reResolve(c, open, new JdbcCandidateSource(c))) {
            countsToRefresh.addAll(relink(c, changed));
        }
        return countsToRefresh;
    }

    /** Re-resolves the given references (their candidates fetched together); returns the citing articles that changed. */
    private static Set<UUID> reResolve(Connection c, Collection<StoredReference> references, JdbcCandidateSource candidates)
            throws SQLException {
        ReferenceResolver resolver = new ReferenceResolver(candidates);
        Map<String, StoredReference> distinct = new LinkedHashMap<>();
        for (StoredReference reference : references) {
            distinct.putIfAbsent(reference.citingArticleId() + "#" + reference.position(), reference);
        }
        Map<StoredReference, ReferenceResolver.Prepared> prepared = new LinkedHashMap<>();
        distinct.values().forEach(r -> prepared.put(r, ReferenceResolver.prepare(r.input())));
        candidates.prefetch(prepared.values());
        Set<UUID> changed = new TreeSet<>();
        for (Map.Entry<StoredReference, ReferenceResolver.Prepared> entry : prepared.entrySet()) {
            StoredReference reference = entry.getKey();
            Resolution next = resolver.resolve(entry.getValue(), reference.citingArticleId());
            Resolution current = reference.resolution();
            if (next.status() != current.status() || !Objects.equals(next.target(), current.target())
                    || !Objects.equals(next.score(), current.score()) || next.method() != current.method()) {
                ReferenceStore.updateResolution(c, reference.citingArticleId(), reference.position(), entry.getValue(), next);
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
