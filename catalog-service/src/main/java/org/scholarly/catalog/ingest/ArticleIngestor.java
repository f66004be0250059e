package org.scholarly.catalog.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.ArticleContent;
import org.scholarly.catalog.article.ArticleIdentifier;
import org.scholarly.catalog.article.ArticleLimitChecks;
import org.scholarly.catalog.article.ArticleWriteHook;
import org.scholarly.catalog.article.HistoryEntry;
import org.scholarly.catalog.article.ReferenceStatus;
import org.scholarly.catalog.article.WriteAuthority;
import org.scholarly.catalog.common.Hashing;
import org.scholarly.catalog.common.Sql;
import org.scholarly.catalog.common.TextKeys;
import org.scholarly.catalog.events.ArticleEvents;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;
import org.scholarly.catalog.journal.JournalMatcher;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventTypes;
import org.scholarly.support.problem.ProblemException;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Creates or updates articles from checked records, a batch per transaction: one lookup for all identifiers, one
 * locking load of the matched articles, batched inserts, one outbox write. A single POST is a batch of one.
 *
 * <p>An article is recognised by its DOI, else by any external id, else by a natural key (journal, year, issue,
 * first page, title). Identical content changes nothing and emits nothing; changed content makes one new version
 * and one event.
 */
@ApplicationScoped
public class ArticleIngestor {

    public enum Kind { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** @param problem for a record refused by a limit: the problem a single POST answers with */
    public record Outcome(Kind kind, int status, String reason, Article article, Journal journal, Issue issue,
                          ProblemException problem) {
        Outcome(Kind kind, int status, String reason, Article article, Journal journal, Issue issue) {
            this(kind, status, reason, article, journal, issue, null);
        }

        static Outcome rejected(int status, String reason) {
            return new Outcome(Kind.REJECTED, status, reason, null, null, null);
        }

        static Outcome refused(ProblemException problem) {
            return new Outcome(Kind.REJECTED, problem.status(), problem.getMessage(), null, null, null, problem);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    JournalMatcher journals;
    @Inject
    ArticleEvents events;
    @Inject
    Sql sql;
    @Inject
    ArticleWriteHook hook;
    @Inject
    ArticleLimitChecks limits;

    /**
     * Records must have passed {@link ArticleRecords#check}. Returns one outcome per record, in order; what a record
     * may change in the article it matches is up to {@code authority}.
     */
    @Transactional
    public List<Outcome> ingest(List<ArticleRecord> records, String actor, WriteAuthority authority) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Journal> journalCache = new HashMap<>();
        Map<String, Issue> issueCache = new HashMap<>();
        List<Resolved> resolved = new ArrayList<>();
        Map<Integer, ProblemException> refused = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ArticleRecord record = records.get(i);
            // Before anything is resolved or written for it: a refused record leaves no trace, not even its journal.
            Optional<ProblemException> overLimit = limits.references(record.references());
            if (overLimit.isPresent()) {
                refused.put(i, overLimit.get());
                continue;
            }
            Journal journal = journals.resolve(record.journal(), actor, journalCache);
            Issue issue = journals.resolveIssue(journal, record.issue(), issueCache);
            resolved.add(new Resolved(record, journal, issue, strongKeys(record), naturalKey(record, journal, issue)));
        }
        Set<String> allKeys = new LinkedHashSet<>();
        resolved.forEach(r -> {
            allKeys.addAll(r.strongKeys);
            allKeys.add(r.naturalKey);
        });
        sql.lockKeys(allKeys.stream().map(k -> "article:" + k).toList());
        Map<String, UUID> owners = owners(allKeys);
        Map<UUID, Article> articles = load(owners.values());

        List<Outcome> outcomes = new ArrayList<>();
        List<CloudEvent> pending = new ArrayList<>();
        List<Article> written = new ArrayList<>();
        java.util.Iterator<Resolved> next = resolved.iterator();
        for (int i = 0; i < records.size(); i++) {
            if (refused.containsKey(i)) {
                outcomes.add(Outcome.refused(refused.get(i)));
                continue;
            }
            Resolved r = next.next();
            Set<UUID> strongOwners = r.strongKeys.stream().map(owners::get).filter(id -> id != null).collect(Collectors.toSet());
            if (strongOwners.size() > 1) {
                outcomes.add(Outcome.rejected(409, authority.identifiersOfDifferentArticles(strongOwners)));
                continue;
            }
            Article target = strongOwners.isEmpty() ? null : articles.get(strongOwners.iterator().next());
            if (target == null && owners.containsKey(r.naturalKey)) {
                Article candidate = articles.get(owners.get(r.naturalKey));
                // Same journal, issue, first page and title, but another DOI: a different article after all.
                if (r.record.doi() == null || candidate.doi == null || candidate.doi.equals(r.record.doi())) {
                    target = candidate;
                }
            }
            Optional<String> refusal = target == null ? authority.refusalWithoutMatch() : authority.refusal(target);
            if (refusal.isPresent()) {
                // Before the identical-content check: even "unchanged" would reveal the article's id and status.
                outcomes.add(Outcome.rejected(409, refusal.get()));
                continue;
            }
            ArticleContent content = content(r);
            Outcome outcome;
            if (target == null) {
                Article article = newArticle(r, content, actor, now);
                CloudEvent created = ArticleEvents.event(EventTypes.ARTICLE_CREATED, article, r.journal, r.issue, null, actor);
                Optional<ProblemException> tooLarge = limits.event(created);
                if (tooLarge.isPresent()) {
                    outcomes.add(Outcome.refused(tooLarge.get()));
                    continue;
                }
                persist(article, actor, now);
                articles.put(article.id, article);
                pending.add(created);
                outcome = new Outcome(Kind.CREATED, 201, null, article, r.journal, r.issue);
                written.add(article);
                target = article;
            } else if (content.hash().equals(target.contentHash)) {
                outcome = new Outcome(Kind.UNCHANGED, 200, null, target, r.journal, r.issue);
            } else {
                // Built and measured on a copy first: the managed article must not change if its event is refused.
                // The same change then goes to the managed article, so the measured event is the one published.
                Article updated = target.transientCopy();
                change(updated, content, content.changedFrom(ArticleContent.of(target)), actor, now);
                CloudEvent event = ArticleEvents.event(EventTypes.ARTICLE_UPDATED, updated, r.journal, r.issue, null, actor);
                Optional<ProblemException> tooLarge = limits.event(event);
                if (tooLarge.isPresent()) {
                    outcomes.add(Outcome.refused(tooLarge.get()));
                    continue;
                }
                update(target, content, actor, now);
                pending.add(event);
                outcome = new Outcome(Kind.UPDATED, 200, null, target, r.journal, r.issue);
                written.add(target);
            }
            register(r, target.id, owners);
            outcomes.add(outcome);
        }
        em.flush();
        events.appendAll(pending);
        hook.afterWrite(written);
        return outcomes;
    }

    private record Resolved(ArticleRecord record, Journal journal, Issue issue, List<String> strongKeys, String naturalKey) {
    }

    private static List<String> strongKeys(ArticleRecord record) {
        List<String> keys = new ArrayList<>();
        if (record.doi() != null) {
            keys.add("doi:" + record.doi());
        }
        keys.addAll(record.externalIds());
        return keys;
    }

    /** Journal, year, issue, first page and the English (else first) title: what identifies an article without ids. */
    private static String naturalKey(ArticleRecord record, Journal journal, Issue issue) {
        String title = record.titles().containsKey("en") ? record.titles().get("en")
                : record.titles().entrySet().stream().sorted(Map.Entry.comparingByKey()).findFirst().map(Map.Entry::getValue).orElse("");
        String natural = journal.id + "|" + record.publicationYear() + "|" + (issue == null ? "" : issue.volume + "/" + issue.number)
                + "|" + record.firstPage() + "|" + TextKeys.matchKey(title);
        return "natural:" + Hashing.sha256(natural);
    }

    private static ArticleContent content(Resolved r) {
        ArticleRecord record = r.record;
        return new ArticleContent(r.journal.id, r.issue == null ? null : r.issue.id, record.titles(), record.abstracts(),
                record.keywords(), record.publicationYear(), record.firstPage(), record.lastPage(), record.doi(),
                record.externalIds(), record.language(), record.authors(), record.references());
    }

    private static Article newArticle(Resolved r, ArticleContent content, String actor, OffsetDateTime now) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        content.applyTo(article);
        article.workflowStatus = r.record.workflowStatus();
        article.version = 1;
        article.referenceStatus = ReferenceStatus.initialFor(content.references());
        article.referenceAsOf = now;
        article.createdAt = now;
        article.updatedAt = now;
        article.createdBy = actor;
        article.updatedBy = actor;
        return article;
    }

    private void persist(Article article, String actor, OffsetDateTime now) {
        em.persist(article);
        HistoryEntry entry = HistoryEntry.of(article, HistoryEntry.Action.CREATED, actor, now);
        entry.toStatus = article.workflowStatus.name();
        em.persist(entry);
    }

    private void update(Article article, ArticleContent content, String actor, OffsetDateTime now) {
        List<String> changed = content.changedFrom(ArticleContent.of(article));
        change(article, content, changed, actor, now);
        HistoryEntry entry = HistoryEntry.of(article, HistoryEntry.Action.UPDATED, actor, now);
        entry.changedFields = changed;
        em.persist(entry);
    }

    private static void change(Article article, ArticleContent content, List<String> changed, String actor, OffsetDateTime now) {
        content.applyTo(article);
        if (changed.contains("references")) {
            article.followReferenceList(now);
        }
        article.touch(actor, now);
    }

    private void register(Resolved r, UUID articleId, Map<String, UUID> owners) {
        for (String key : r.strongKeys) {
            if (!owners.containsKey(key)) {
                em.persist(ArticleIdentifier.of(key, articleId));
                owners.put(key, articleId);
            }
        }
        if (!owners.containsKey(r.naturalKey)) {
            em.persist(ArticleIdentifier.of(r.naturalKey, articleId));
            owners.put(r.naturalKey, articleId);
        }
    }

    private Map<String, UUID> owners(Set<String> keys) {
        return sql.run(c -> {
            Map<String, UUID> owners = new HashMap<>();
            try (var statement = c.prepareStatement("SELECT key, article_id FROM article_identifier WHERE key = ANY (?)")) {
                statement.setArray(1, c.createArrayOf("text", keys.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        owners.put(rows.getString(1), rows.getObject(2, UUID.class));
                    }
                }
            }
            return owners;
        });
    }

    private Map<UUID, Article> load(java.util.Collection<UUID> ids) {
        Map<UUID, Article> articles = new HashMap<>();
        if (ids.isEmpty()) {
            return articles;
        }
        em.createQuery("from Article where id in :ids", Article.class)
                .setParameter("ids", Set.copyOf(ids))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(a -> articles.put(a.id, a));
        return articles;
    }
}
