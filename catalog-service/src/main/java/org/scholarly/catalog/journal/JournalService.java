package org.scholarly.catalog.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.common.Cursor;
import org.scholarly.catalog.common.Sql;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.problem.Problem.FieldError;
import org.scholarly.support.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

@ApplicationScoped
public class JournalService {

    @Inject
    EntityManager em;
    @Inject
    JournalMatcher matcher;
    @Inject
    Sql sql;

    @Transactional
    public JournalView create(JournalInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        JournalInput clean = JournalInputs.normalise(input, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        List<String> issns = new ArrayList<>();
        if (clean.issnPrint() != null) {
            issns.add(clean.issnPrint());
        }
        if (clean.issnElectronic() != null) {
            issns.add(clean.issnElectronic());
        }
        sql.lockKeys(issns.stream().map(i -> "issn:" + i).toList());
        if (!issns.isEmpty() && !em.createQuery("from Journal where issnPrint in :issns or issnElectronic in :issns", Journal.class)
                .setParameter("issns", issns).getResultList().isEmpty()) {
            throw ProblemException.conflict("A journal with ISSN " + String.join(" or ", issns) + " already exists");
        }
        return detail(matcher.create(clean, actor));
    }

    @Transactional
    public Page<JournalView> list(PageParams paging) {
        int size = paging.limit();
        Cursor cursor = Cursor.decode(paging.cursor());
        var query = em.createQuery("from Journal j" + (cursor == null ? "" : " where j.createdAt < :at or (j.createdAt = :at and j.id < :id)")
                + " order by j.createdAt desc, j.id desc", Journal.class).setMaxResults(size + 1);
        if (cursor != null) {
            query.setParameter("at", cursor.createdAt()).setParameter("id", cursor.id());
        }
        return Page.of(query.getResultList(), size, j -> new Cursor(j.createdAt, j.id).encode(), JournalView::summary);
    }

    /** Editors see everything; anyone else the public detail, which leaves out what only editors may read. */
    @Transactional
    public JournalDetail get(UUID id, boolean editor) {
        Journal journal = find(id, LockModeType.NONE);
        return editor ? detail(journal) : publicDetail(journal);
    }

    /** Changes the accreditation and appends the change, dated, to the history; the history is never rewritten. */
    @Transactional
    public JournalView changeAccreditation(UUID id, AccreditationPatch patch, String actor) {
        Journal journal = find(id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        AccreditationChange change = new AccreditationChange();
        change.journalId = id;
        change.status = patch.accreditation();
        change.effectiveFrom = patch.effectiveFrom() == null ? LocalDate.now(ZoneOffset.UTC) : patch.effectiveFrom();
        change.recordedAt = now;
        change.recordedBy = actor;
        change.comment = patch.comment();
        em.persist(change);
        journal.accreditation = patch.accreditation();
        journal.updatedAt = now;
        return detail(journal);
    }

    private Journal find(UUID id, LockModeType lock) {
        Journal journal = em.find(Journal.class, id, lock);
        if (journal == null) {
            throw ProblemException.notFound("No journal " + id);
        }
        return journal;
    }

    /** The editor's detail: every issue, submissions counted, and who recorded each accreditation change and why. */
    private JournalView detail(Journal j) {
        IssueCounts counts = issueCounts(j, true);
        List<JournalView.AccreditationEntry> history = accreditationHistory(j)
                .map(c -> new JournalView.AccreditationEntry(c.status, c.effectiveFrom, c.recordedAt, c.recordedBy, c.comment))
                .toList();
        return new JournalView(j.id, j.titles, j.publisher, j.researchArea, j.accreditation, j.issnPrint, j.issnElectronic,
                j.externalIds, counts.total(), counts.issues(), history, j.createdAt, j.updatedAt);
    }

    /**
     * The detail for readers who are not editors. The history's recorder is a token subject and its comment an
     * editor's note, neither meant for the public; an issue holding only submissions would reveal that they exist.
     */
    private JournalPublicView publicDetail(Journal j) {
        IssueCounts counts = issueCounts(j, false);
        List<JournalView.IssueSummary> published = counts.issues().stream().filter(i -> i.articleCount() > 0).toList();
        List<JournalPublicView.PublicAccreditationEntry> history = accreditationHistory(j)
                .map(c -> new JournalPublicView.PublicAccreditationEntry(c.status, c.effectiveFrom, c.recordedAt))
                .toList();
        return new JournalPublicView(j.id, j.titles, j.publisher, j.researchArea, j.accreditation, j.issnPrint,
                j.issnElectronic, j.externalIds, counts.total(), published, history, j.createdAt, j.updatedAt);
    }

    private record IssueCounts(long total, List<JournalView.IssueSummary> issues) {
    }

    /** Article counts include unpublished submissions only for editors, like every other read. */
    private IssueCounts issueCounts(Journal j, boolean editor) {
        em.flush();
        String visible = editor ? "" : " and a.workflowStatus in :public";
        var counts = em.createQuery("select a.issueId, count(a) from Article a where a.journalId = :journal" + visible
                + " group by a.issueId", Object[].class).setParameter("journal", j.id);
        if (!editor) {
            counts.setParameter("public", List.of(WorkflowStatus.PUBLISHED, WorkflowStatus.RETRACTED));
        }
        Map<UUID, Long> byIssue = new HashMap<>();
        long total = 0;
        for (Object[] row : counts.getResultList()) {
            long count = (Long) row[1];
            total += count;
            if (row[0] != null) {
                byIssue.put((UUID) row[0], count);
            }
        }
        List<JournalView.IssueSummary> issues = em.createQuery("from Issue where journalId = :journal order by year desc, volume desc, number desc", Issue.class)
                .setParameter("journal", j.id).getResultStream()
                .map(i -> new JournalView.IssueSummary(i.id, i.year, i.volumeOrNull(), i.numberOrNull(), i.publicationDate,
                        byIssue.getOrDefault(i.id, 0L)))
                .toList();
        return new IssueCounts(total, issues);
    }

    private Stream<AccreditationChange> accreditationHistory(Journal j) {
        return em.createQuery("from AccreditationChange where journalId = :journal order by id", AccreditationChange.class)
                .setParameter("journal", j.id).getResultStream();
    }
}
