package org.scholarly.catalog.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.common.Cursor;
import org.scholarly.catalog.common.TextKeys;
import org.scholarly.catalog.events.ArticleEvents;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads articles for the API and replaces reference lists. Unpublished articles exist only for editors: anyone
 * else gets 404 for them and never sees them in a listing.
 */
@ApplicationScoped
public class ArticleService {

    @Inject
    EntityManager em;
    @Inject
    ArticleEvents events;
    @Inject
    ArticleWriteHook hook;
    @Inject
    ArticleLimitChecks limits;

    @Transactional
    public ArticleView get(UUID id, boolean editor) {
        Article article = visible(id, editor);
        return ArticleViews.of(article, em.find(Journal.class, article.journalId), issueOf(article), true);
    }

    @Transactional
    public Page<ArticleView> list(ArticleFilter filter, boolean editor) {
        return list(filter, editor, false);
    }

    /** One page in the listing's order; {@code withReferences} adds each reference list (exports want it). */
    @Transactional
    public Page<ArticleView> list(ArticleFilter filter, boolean editor, boolean withReferences) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder jpql = matching(filter, editor, parameters);
        Cursor cursor = filter.cursor();
        if (cursor != null) {
            jpql.append(" and (a.createdAt < :cursorAt or (a.createdAt = :cursorAt and a.id < :cursorId))");
            parameters.put("cursorAt", cursor.createdAt());
            parameters.put("cursorId", cursor.id());
        }
        jpql.append(" order by a.createdAt desc, a.id desc");
        TypedQuery<Article> query = em.createQuery(jpql.toString(), Article.class).setMaxResults(filter.limit() + 1);
        parameters.forEach(query::setParameter);
        List<Article> rows = query.getResultList();
        boolean more = rows.size() > filter.limit();
        List<Article> page = more ? rows.subList(0, filter.limit()) : rows;
        Map<UUID, Journal> journals = byId(Journal.class, page.stream().map(a -> a.journalId).collect(Collectors.toSet()), j -> j.id);
        Map<UUID, Issue> issues = byId(Issue.class, page.stream().map(a -> a.issueId).filter(i -> i != null).collect(Collectors.toSet()), i -> i.id);
        List<ArticleView> items = page.stream()
                .map(a -> ArticleViews.of(a, journals.get(a.journalId), a.issueId == null ? null : issues.get(a.issueId), withReferences))
                .toList();
        String next = more ? new Cursor(page.get(page.size() - 1).createdAt, page.get(page.size() - 1).id).encode() : null;
        return new Page<>(items, next);
    }

    /** How many articles the listing would hold over all its pages (the cursor and the page size are ignored). */
    @Transactional
    public long count(ArticleFilter filter, boolean editor) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(a) " + matching(filter, editor, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The listing's filter, visibility included: one definition for pages, counts and exports. */
    private static StringBuilder matching(ArticleFilter filter, boolean editor, Map<String, Object> parameters) {
        StringBuilder jpql = new StringBuilder("from Article a where 1 = 1");
        if (filter.journalId() != null) {
            jpql.append(" and a.journalId = :journal");
            parameters.put("journal", filter.journalId());
        }
        if (filter.year() != null) {
            jpql.append(" and a.publicationYear = :year");
            parameters.put("year", filter.year());
        }
        if (filter.status() != null) {
            jpql.append(" and a.workflowStatus = :status");
            parameters.put("status", filter.status());
        }
        if (!editor) {
            jpql.append(" and a.workflowStatus in :public");
            parameters.put("public", List.of(WorkflowStatus.PUBLISHED, WorkflowStatus.RETRACTED));
        }
        if (filter.referenceStatus() != null) {
            jpql.append(" and a.referenceStatus = :referenceStatus");
            parameters.put("referenceStatus", filter.referenceStatus());
        }
        if (filter.q() != null) {
            // LIKE on the normalised text goes through the trigram GIN index, for Hangul as for Latin script.
            jpql.append(" and a.searchText like :q escape '\\'");
            parameters.put("q", TextKeys.likeContains(filter.q()));
        }
        return jpql;
    }

    @Transactional
    public ReferenceList references(UUID id, boolean editor) {
        return referenceList(visible(id, editor));
    }

    @Transactional
    public ReferenceList replaceReferences(UUID id, List<ReferenceEntry> input, Long ifMatch, String actor, boolean editor) {
        List<FieldError> errors = new ArrayList<>();
        List<ReferenceEntry> references = References.normalise(input, "references", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        limits.references(references).ifPresent(problem -> {
            throw problem;
        });
        Article article = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw ProblemException.notFound("No article " + id);
        }
        new WriteAuthority(editor, ifMatch).refusal(article).ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
        if (references.equals(article.references)) {
            return referenceList(article);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        article.references = references;
        article.contentHash = ArticleContent.of(article).hash();
        article.followReferenceList(now);
        article.touch(actor, now);
        CloudEvent event = ArticleEvents.event(EventTypes.ARTICLE_REFERENCES_REPLACED, article,
                em.find(Journal.class, article.journalId), issueOf(article), null, actor);
        // Thrown before anything is flushed; the rollback also undoes the changes to the managed article.
        limits.event(event).ifPresent(problem -> {
            throw problem;
        });
        HistoryEntry entry = HistoryEntry.of(article, HistoryEntry.Action.REFERENCES_REPLACED, actor, now);
        entry.changedFields = List.of("references");
        em.persist(entry);
        em.flush();
        events.append(event);
        hook.afterWrite(List.of(article));
        return referenceList(article);
    }

    @Transactional
    public List<HistoryView> history(UUID id) {
        visible(id, true);
        return em.createQuery("from HistoryEntry where articleId = :id order by id", HistoryEntry.class)
                .setParameter("id", id).getResultStream().map(HistoryView::of).toList();
    }

    /** If-Match carries the version the client last saw; a stale one answers 409 before anything changes. */
    public static void requireVersion(Article article, Long ifMatch) {
        if (ifMatch != null && ifMatch != article.version) {
            throw ProblemException.conflict(staleVersion(article, ifMatch));
        }
    }

    static String staleVersion(Article article, long ifMatch) {
        return "Article " + article.id + " is at version " + article.version + ", not " + ifMatch + "; reload it and try again";
    }

    public Issue issueOf(Article article) {
        return article.issueId == null ? null : em.find(Issue.class, article.issueId);
    }

    private Article visible(UUID id, boolean editor) {
        Article article = em.find(Article.class, id);
        if (article == null || !editor && !article.workflowStatus.isPublic()) {
            throw ProblemException.notFound("No article " + id);
        }
        return article;
    }

    private static ReferenceList referenceList(Article a) {
        return new ReferenceList(a.id, a.version,
                new ArticleView.ReferenceStatusView(a.referenceStatus, a.referenceNotice, a.referenceAsOf), a.references);
    }

    private <T> Map<UUID, T> byId(Class<T> type, Set<UUID> ids, Function<T, UUID> id) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from " + type.getSimpleName() + " where id in :ids", type).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(id, Function.identity()));
    }
}
