package org.scholarly.catalog.article;

import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;

/** Builds {@link ArticleView}s; the reference list is left out of listings, which link to it instead. */
public final class ArticleViews {

    private ArticleViews() {
    }

    public static ArticleView of(Article a, Journal journal, Issue issue, boolean withReferences) {
        return new ArticleView(a.id, a.version, a.titles, a.abstracts, a.keywords, a.publicationYear, a.firstPage,
                a.lastPage, a.doi, a.externalIds, a.language, a.workflowStatus, journal(journal), issue(issue),
                a.authors, withReferences ? a.references : null,
                new ArticleView.ReferenceStatusView(a.referenceStatus, a.referenceNotice, a.referenceAsOf),
                new ArticleView.CitationSummary(a.citedByCount, a.countsByYear, a.citationsAsOf),
                a.createdAt, a.updatedAt);
    }

    public static ArticleView.JournalRef journal(Journal j) {
        return j == null ? null : new ArticleView.JournalRef(j.id, j.titles, j.publisher, j.researchArea, j.accreditation,
                j.issnPrint, j.issnElectronic, j.externalIds);
    }

    public static ArticleView.IssueRef issue(Issue i) {
        return i == null ? null : new ArticleView.IssueRef(i.id, i.year, i.volumeOrNull(), i.numberOrNull(), i.publicationDate);
    }
}
