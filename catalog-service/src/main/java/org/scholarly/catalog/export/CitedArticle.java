package org.scholarly.catalog.export;

import org.scholarly.catalog.article.ArticleView;
import org.scholarly.catalog.article.WorkflowStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article as one locale cites it: every multilingual field reduced to the form that locale prefers (a Korean
 * title, journal title and Hangul names for ko-KR when the record has them). BibTeX, RIS and CSL are all written
 * from this, so the three agree.
 *
 * @param key               a citation key that does not depend on the locale (Ahn2015-1a2b3c4d)
 * @param journalAlternate  the journal title in the other language, for formats that carry one
 */
record CitedArticle(String id, String key, String title, String titleLanguage, String journal, String journalAlternate,
                    List<PersonName> authors, Integer year, LocalDate date, String volume, String issue,
                    String firstPage, String lastPage, String doi, String issn, String publisher, String abstractText,
                    List<String> keywords, boolean retracted) {

    static CitedArticle of(ArticleView a, CitationLocale locale) {
        Map.Entry<String, String> title = Localized.pick(a.titles(), locale);
        ArticleView.JournalRef journal = a.journal();
        String journalTitle = journal == null ? null : Localized.text(journal.titles(), locale);
        String journalAlternate = journal == null ? null : journal.titles().values().stream()
                .filter(t -> t != null && !t.isBlank() && !t.strip().equals(journalTitle)).map(String::strip)
                .sorted().findFirst().orElse(null);
        List<PersonName> authors = a.authors() == null ? List.of()
                : a.authors().stream().map(author -> PersonName.of(author, locale)).filter(Objects::nonNull).toList();
        ArticleView.IssueRef issue = a.issue();
        Integer year = a.publicationYear() != null ? a.publicationYear() : issue == null ? null : issue.year();
        LocalDate date = issue == null ? null : issue.publicationDate();
        String issn = journal == null ? null : journal.issnPrint() != null ? journal.issnPrint() : journal.issnElectronic();
        Map<String, List<String>> keywords = a.keywords();
        List<String> localKeywords = keywords == null ? List.of() : locale.languages().stream()
                .map(keywords::get).filter(k -> k != null && !k.isEmpty()).findFirst().orElse(List.of());
        return new CitedArticle(a.id().toString(), key(a, year), title == null ? null : title.getValue(),
                title == null ? null : title.getKey(), journalTitle, journalAlternate, authors, year,
                date, issue == null ? null : issue.volume(), issue == null ? null : issue.number(), a.firstPage(),
                a.lastPage(), a.doi(), issn, journal == null ? null : Localized.text(journal.publisher(), locale),
                Localized.text(a.abstracts(), locale), localKeywords, a.workflowStatus() == WorkflowStatus.RETRACTED);
    }

    /** BibTeX keys allow ASCII letters, digits and a few marks; the id's first block keeps keys of one export apart. */
    private static String key(ArticleView a, Integer year) {
        PersonName first = a.authors() == null || a.authors().isEmpty() ? null : PersonName.of(a.authors().get(0), CitationLocale.EN_US);
        String family = first == null ? "" : (first.family() != null ? first.family() : first.literal()).replaceAll("[^A-Za-z]", "");
        return (family.isEmpty() ? "article" : family) + (year == null ? "" : year) + "-" + a.id().toString().substring(0, 8);
    }

    String pages() {
        if (firstPage == null) {
            return null;
        }
        return lastPage == null || lastPage.equals(firstPage) ? firstPage : firstPage + "-" + lastPage;
    }
}
