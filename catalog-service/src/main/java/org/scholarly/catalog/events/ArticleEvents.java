package org.scholarly.catalog.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.article.ReferenceEntry;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.Topics;
import org.scholarly.support.logging.LogSummaries;
import org.scholarly.support.outbox.Outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns article changes into {@code article.*} CloudEvents and appends them to the outbox in the caller's
 * transaction, so an event exists exactly when its write committed. Key and subject are the article id, which
 * keeps every article's events on one partition, in order.
 */
@ApplicationScoped
public class ArticleEvents {

    public static final String SOURCE = "/catalog-service";
    private static final Logger LOG = Logger.getLogger(ArticleEvents.class);

    @Inject
    Outbox outbox;

    public static CloudEvent event(String type, Article article, Journal journal, Issue issue,
                                   WorkflowStatus previousStatus, String actor) {
        return EventCodec.newEvent(SOURCE, type, article.id.toString(), snapshot(article, journal, issue, previousStatus, actor));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(CloudEvent event) {
        log(event.type(), List.of(event));
        outbox.append(Topics.ARTICLE_EVENTS, event.subject(), event);
    }

    /** Bulk ingestion appends one event per changed article, in one batch, and logs one line per type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<CloudEvent> events) {
        events.stream().collect(Collectors.groupingBy(CloudEvent::type, LinkedHashMap::new, Collectors.toList()))
                .forEach(ArticleEvents::log);
        outbox.appendAll(Topics.ARTICLE_EVENTS, events);
    }

    /** Every change of an article is logged once, where its event is written: "article.created: 1 article(s): id". */
    private static void log(String type, List<CloudEvent> events) {
        LOG.infof("%s: %d article(s): %s", type, events.size(),
                LogSummaries.firstFew(events.stream().map(ArticleEvents::describe).toList()));
    }

    private static String describe(CloudEvent event) {
        JsonNode data = event.data();
        String status = data.path("workflowStatus").asText();
        String previous = data.path("previousWorkflowStatus").asText("");
        return event.subject() + " v" + data.path("version").asText()
                + (previous.isEmpty() || previous.equals(status) ? " " + status : " " + previous + " → " + status);
    }

    static ArticleEventData snapshot(Article a, Journal journal, Issue issue, WorkflowStatus previousStatus, String actor) {
        List<ArticleEventData.Author> authors = new ArrayList<>();
        for (int i = 0; i < a.authors.size(); i++) {
            AuthorEntry author = a.authors.get(i);
            List<String> familyNames = author.familyNames() == null ? null : List.copyOf(author.familyNames().values());
            authors.add(new ArticleEventData.Author(i + 1, author.names(), familyNames, author.orcid()));
        }
        List<ArticleEventData.Reference> references = new ArrayList<>();
        for (int i = 0; i < a.references.size(); i++) {
            ReferenceEntry r = a.references.get(i);
            references.add(new ArticleEventData.Reference(i + 1, r.raw(), r.authors(), r.title(), r.container(), r.year(),
                    r.volume(), r.issue(), r.firstPage(), r.lastPage(), r.doi()));
        }
        return new ArticleEventData(a.id, a.version, a.workflowStatus.name(),
                previousStatus == null ? null : previousStatus.name(), false, a.doi,
                a.externalIds, a.titles, a.publicationYear, a.language,
                new ArticleEventData.Journal(journal.id, journal.titles, journal.issnPrint, journal.issnElectronic),
                issue == null ? null : new ArticleEventData.Issue(issue.year, issue.volumeOrNull(), issue.numberOrNull()),
                a.firstPage, a.lastPage, authors, references, a.referenceStatus.name(), actor);
    }
}
