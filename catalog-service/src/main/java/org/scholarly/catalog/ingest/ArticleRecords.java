package org.scholarly.catalog.ingest;

import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.article.References;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.common.Checks;
import org.scholarly.catalog.common.Identifiers;
import org.scholarly.catalog.journal.IssueInput;
import org.scholarly.catalog.journal.JournalInput;
import org.scholarly.catalog.journal.JournalInputs;
import org.scholarly.support.problem.Problem.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks an {@link ArticleRecord} and returns it normalised (DOI lower-case, ISSNs hyphenated, blanks dropped). */
public final class ArticleRecords {

    /** What a record may enter as; every later state is reached through the workflow. */
    private static final List<WorkflowStatus> ENTRY_STATES = List.of(WorkflowStatus.SUBMITTED, WorkflowStatus.PUBLISHED);

    private ArticleRecords() {
    }

    public record Checked(ArticleRecord record, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }

        public String reason() {
            return errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        }
    }

    public static Checked check(ArticleRecord r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            return new Checked(null, List.of(new FieldError("", "the record must be a JSON object")));
        }
        var titles = Checks.localized(r.titles(), "titles", true, errors);
        var abstracts = Checks.localized(r.abstracts(), "abstracts", false, errors);
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        Checks.languageKeys(r.keywords(), "keywords", errors);
        if (r.keywords() != null) {
            r.keywords().forEach((lang, words) -> {
                List<String> clean = words == null ? List.of() : words.stream().map(Checks::trimToNull).filter(w -> w != null).toList();
                if (!clean.isEmpty()) {
                    keywords.put(lang, clean);
                }
            });
        }
        Checks.year(r.publicationYear(), "publicationYear", errors);
        Checks.pageRange(Checks.trimToNull(r.firstPage()), Checks.trimToNull(r.lastPage()), "firstPage", errors);
        String doi = Identifiers.doi(r.doi(), "doi", errors);
        List<String> externalIds = JournalInputs.externalIds(r.externalIds(), "externalIds", errors);
        Checks.language(r.language(), "language", errors);
        if (r.workflowStatus() != null && !ENTRY_STATES.contains(r.workflowStatus())) {
            errors.add(new FieldError("workflowStatus", "a record enters as SUBMITTED or PUBLISHED; later states are reached through transitions"));
        }
        JournalInput journal = JournalInputs.normalise(r.journal(), "journal", errors);
        IssueInput issue = issue(r.issue(), errors);
        List<AuthorEntry> authors = authors(r.authors(), errors);
        var references = References.normalise(r.references(), "references", errors);
        ArticleRecord clean = new ArticleRecord(titles, abstracts, keywords, r.publicationYear(),
                Checks.trimToNull(r.firstPage()), Checks.trimToNull(r.lastPage()), doi, externalIds, r.language(),
                r.workflowStatus() == null ? WorkflowStatus.SUBMITTED : r.workflowStatus(), journal, issue, authors, references);
        return new Checked(clean, errors);
    }

    private static IssueInput issue(IssueInput issue, List<FieldError> errors) {
        if (issue == null) {
            return null;
        }
        if (issue.year() == null) {
            errors.add(new FieldError("issue.year", "is required for an issue"));
        }
        Checks.year(issue.year(), "issue.year", errors);
        return new IssueInput(issue.year(), Checks.trimToNull(issue.volume()), Checks.trimToNull(issue.number()), issue.publicationDate());
    }

    private static List<AuthorEntry> authors(List<AuthorEntry> authors, List<FieldError> errors) {
        List<AuthorEntry> clean = new ArrayList<>();
        if (authors == null) {
            return clean;
        }
        for (int i = 0; i < authors.size(); i++) {
            String at = "authors[" + i + "]";
            AuthorEntry a = authors.get(i);
            if (a == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            var names = Checks.localized(a.names(), at + ".names", true, errors);
            var familyNames = Checks.localized(a.familyNames(), at + ".familyNames", false, errors);
            List<Map<String, String>> affiliations = new ArrayList<>();
            if (a.affiliations() != null) {
                for (int j = 0; j < a.affiliations().size(); j++) {
                    var affiliation = Checks.localized(a.affiliations().get(j), at + ".affiliations[" + j + "]", true, errors);
                    affiliations.add(affiliation);
                }
            }
            String orcid = Identifiers.normaliseOrcid(a.orcid());
            if (orcid != null && !Identifiers.isValidOrcid(orcid)) {
                errors.add(new FieldError(at + ".orcid", "'" + a.orcid() + "' is not a valid ORCID iD"));
            }
            clean.add(new AuthorEntry(names, familyNames.isEmpty() ? null : familyNames,
                    affiliations.isEmpty() ? null : affiliations, orcid,
                    a.roles() == null || a.roles().isEmpty() ? null : a.roles().stream().distinct().toList()));
        }
        return clean;
    }
}
