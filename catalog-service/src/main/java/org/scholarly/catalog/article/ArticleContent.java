package org.scholarly.catalog.article;

import org.scholarly.catalog.common.Hashing;
import org.scholarly.catalog.common.TextKeys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The editable content of an article. Its canonical hash decides whether a re-posted record changed anything,
 * and a field-by-field comparison says what changed, for the history.
 */
public record ArticleContent(
        UUID journalId,
        UUID issueId,
        Map<String, String> titles,
        Map<String, String> abstracts,
        Map<String, List<String>> keywords,
        Integer publicationYear,
        String firstPage,
        String lastPage,
        String doi,
        List<String> externalIds,
        String language,
        List<AuthorEntry> authors,
        List<ReferenceEntry> references) {

    public static ArticleContent of(Article a) {
        return new ArticleContent(a.journalId, a.issueId, a.titles, a.abstracts, a.keywords, a.publicationYear,
                a.firstPage, a.lastPage, a.doi, a.externalIds, a.language, a.authors, a.references);
    }

    public String hash() {
        return Hashing.canonicalSha256(this);
    }

    public void applyTo(Article a) {
        a.journalId = journalId;
        a.issueId = issueId;
        a.titles = titles;
        a.abstracts = abstracts;
        a.keywords = keywords;
        a.publicationYear = publicationYear;
        a.firstPage = firstPage;
        a.lastPage = lastPage;
        a.doi = doi;
        a.externalIds = externalIds;
        a.language = language;
        a.authors = authors;
        a.references = references;
        a.contentHash = hash();
        a.searchText = searchText();
    }

    /** Names of the fields that differ from {@code before}. */
    public List<String> changedFrom(ArticleContent before) {
        List<String> changed = new ArrayList<>();
        compare(changed, "journal", journalId, before.journalId);
        compare(changed, "issue", issueId, before.issueId);
        compare(changed, "titles", titles, before.titles);
        compare(changed, "abstracts", abstracts, before.abstracts);
        compare(changed, "keywords", keywords, before.keywords);
        compare(changed, "publicationYear", publicationYear, before.publicationYear);
        compare(changed, "firstPage", firstPage, before.firstPage);
        compare(changed, "lastPage", lastPage, before.lastPage);
        compare(changed, "doi", doi, before.doi);
        compare(changed, "externalIds", externalIds, before.externalIds);
        compare(changed, "language", language, before.language);
        compare(changed, "authors", authors, before.authors);
        compare(changed, "references", references, before.references);
        return changed;
    }

    /** Titles and abstracts in every language, in the form the trigram index searches. */
    public String searchText() {
        return Stream.concat(titles.values().stream(), abstracts.values().stream())
                .map(TextKeys::searchForm).reduce((x, y) -> x + "\n" + y).orElse("");
    }

    private static void compare(List<String> changed, String name, Object now, Object before) {
        if (!Objects.equals(now, before)) {
            changed.add(name);
        }
    }
}
