package org.scholarly.catalog.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.ArticleService;
import org.scholarly.catalog.article.ArticleView;
import org.scholarly.catalog.article.ArticleViews;
import org.scholarly.catalog.article.ArticleWriteHook;
import org.scholarly.catalog.article.HistoryEntry;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.events.ArticleEvents;
import org.scholarly.catalog.journal.Journal;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.problem.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Moves an article through the workflow. The row is locked for the transaction, so of two concurrent transitions
 * the second sees the first one's result: a stale If-Match or an action no longer allowed answers 409.
 */
@ApplicationScoped
public class WorkflowService {

    @Inject
    EntityManager em;
    @Inject
    ArticleService articles;
    @Inject
    ArticleEvents events;
    @Inject
    ArticleWriteHook hook;

    @Transactional
    public ArticleView transition(UUID id, TransitionRequest request, Long ifMatch, String actor) {
        Article article = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw ProblemException.notFound("No article " + id);
        }
        ArticleService.requireVersion(article, ifMatch);
        WorkflowStatus from = article.workflowStatus;
        if (!request.action().allowedFrom(from)) {
            throw ProblemException.conflict(request.action() + " is not allowed for an article that is " + from);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        article.workflowStatus = request.action().target();
        article.touch(actor, now);
        HistoryEntry entry = HistoryEntry.of(article, HistoryEntry.Action.TRANSITION, actor, now);
        entry.fromStatus = from.name();
        entry.toStatus = article.workflowStatus.name();
        entry.comment = request.comment();
        em.persist(entry);
        em.flush();
        Journal journal = em.find(Journal.class, article.journalId);
        events.append(ArticleEvents.event(EventTypes.ARTICLE_STATUS_CHANGED, article, journal, articles.issueOf(article), from, actor));
        hook.afterWrite(List.of(article));
        return ArticleViews.of(article, journal, articles.issueOf(article), true);
    }
}
