package org.scholarly.catalog.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What OAI-PMH reads from the catalog: only public articles (published, and retracted ones as deleted records), in
 * the order of their last change and then of their harvest key.
 */
@ApplicationScoped
public class HarvestStore {

    static final List<WorkflowStatus> PUBLIC = List.of(WorkflowStatus.PUBLISHED, WorkflowStatus.RETRACTED);

    @Inject
    EntityManager em;

    /** Where a list continues: after the record changed at {@code changedAt} with {@code harvestKey} (0: at it). */
    record Position(Instant changedAt, long harvestKey) {
    }

    /** Which articles a set names: none (no set), one journal, or the journals of some research areas. */
    record Scope(UUID journalId, List<String> researchAreas) {
        static final Scope ALL = new Scope(null, null);
    }

    Optional<Article> publicArticle(UUID id) {
        Article article = em.find(Article.class, id);
        return article != null && PUBLIC.contains(article.workflowStatus) ? Optional.of(article) : Optional.empty();
    }

    /** Up to {@code limit} articles after {@code position} (null: from the start), changed before {@code until}. */
    List<Article> page(Position position, Instant until, Scope scope, int limit) {
        StringBuilder jpql = new StringBuilder("select a from Article a where a.workflowStatus in :public");
        if (position != null) {
            jpql.append(" and (a.updatedAt > :at or (a.updatedAt = :at and a.harvestKey > :key))");
        }
        if (until != null) {
            jpql.append(" and a.updatedAt < :until");
        }
        if (scope.journalId() != null) {
            jpql.append(" and a.journalId = :journal");
        } else if (scope.researchAreas() != null) {
            jpql.append(" and a.journalId in (select j.id from Journal j where j.researchArea in :areas)");
        }
        jpql.append(" order by a.updatedAt, a.harvestKey");
        TypedQuery<Article> query = em.createQuery(jpql.toString(), Article.class).setParameter("public", PUBLIC).setMaxResults(limit);
        if (position != null) {
            query.setParameter("at", utc(position.changedAt())).setParameter("key", position.harvestKey());
        }
        if (until != null) {
            query.setParameter("until", utc(until));
        }
        if (scope.journalId() != null) {
            query.setParameter("journal", scope.journalId());
        } else if (scope.researchAreas() != null) {
            query.setParameter("areas", scope.researchAreas());
        }
        return query.getResultList();
    }

    /** The earliest change of a public article, or now when there is none yet. */
    Instant earliestChange() {
        OffsetDateTime earliest = em.createQuery("select min(a.updatedAt) from Article a where a.workflowStatus in :public", OffsetDateTime.class)
                .setParameter("public", PUBLIC).getSingleResult();
        return earliest == null ? Instant.now() : earliest.toInstant();
    }

    Issue issue(UUID id) {
        return em.find(Issue.class, id);
    }

    Journal journal(UUID id) {
        return em.find(Journal.class, id);
    }

    /** Every journal, in a fixed order so that ListSets pages by offset. */
    List<Journal> journals() {
        return em.createQuery("select j from Journal j order by j.id", Journal.class).getResultList();
    }

    /** Every research area a journal names, sorted. */
    List<String> researchAreas() {
        return new ArrayList<>(new TreeSet<>(em.createQuery(
                "select distinct j.researchArea from Journal j where j.researchArea is not null", String.class).getResultList()));
    }

    /** The research areas within an area set: those whose own spec or an ancestor's is {@code spec}. */
    List<String> researchAreasIn(String spec) {
        return researchAreas().stream().filter(area -> SetSpecs.areaHierarchy(area).contains(spec)).toList();
    }

    boolean journalExists(UUID id) {
        return em.find(Journal.class, id) != null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
