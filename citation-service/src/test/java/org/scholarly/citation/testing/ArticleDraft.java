package org.scholarly.citation.testing;

import org.scholarly.contract.ArticleEventData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A catalog article as a test builds it; {@link #snapshot()} gives the event data, {@link #next()} the next version. */
public final class ArticleDraft {

    public UUID id = UUID.randomUUID();
    public long version = 1;
    public String workflowStatus = "PUBLISHED";
    public boolean deleted;
    public String doi;
    public Map<String, String> titles = new LinkedHashMap<>();
    public Integer year;
    public UUID journalId;
    public Map<String, String> journalTitles = new LinkedHashMap<>();
    public String volume;
    public String number;
    public String firstPage;
    public String lastPage;
    public List<ArticleEventData.Author> authors = new ArrayList<>();
    public List<ArticleEventData.Reference> references = new ArrayList<>();

    public static ArticleDraft published(String englishTitle, int year) {
        ArticleDraft draft = new ArticleDraft();
        draft.titles.put("en", englishTitle);
        draft.year = year;
        return draft;
    }

    /** The seed record: 중앙사론 42 (2015), pp. 481-512, 안치영 / Ahn Chi-Young. */
    public static ArticleDraft seed(UUID journalId) {
        ArticleDraft seed = published("The Sino-Soviet Relation and the Korean War", 2015);
        seed.titles.put("ko", "중소관계와 한국전쟁");
        seed.journalId = journalId;
        seed.journalTitles.put("ko", "중앙사론");
        seed.journalTitles.put("en", "Chung-Ang Saron");
        seed.number = "42";
        seed.firstPage = "481";
        seed.lastPage = "512";
        seed.author("안치영", "Ahn Chi-Young", "안", "Ahn");
        return seed;
    }

    public ArticleDraft journal(UUID id, String koTitle, String enTitle) {
        journalId = id;
        journalTitles.clear();
        if (koTitle != null) {
            journalTitles.put("ko", koTitle);
        }
        if (enTitle != null) {
            journalTitles.put("en", enTitle);
        }
        return this;
    }

    public ArticleDraft author(String ko, String en, String... familyNames) {
        Map<String, String> names = new LinkedHashMap<>();
        if (ko != null) {
            names.put("ko", ko);
        }
        if (en != null) {
            names.put("en", en);
        }
        authors.add(new ArticleEventData.Author(authors.size() + 1, names, List.of(familyNames), null));
        return this;
    }

    public ArticleDraft pages(String first, String last) {
        firstPage = first;
        lastPage = last;
        return this;
    }

    public ArticleDraft cites(String raw) {
        references.add(new ArticleEventData.Reference(references.size() + 1, raw, null, null, null, null, null, null, null, null, null));
        return this;
    }

    public ArticleDraft citesDoi(String doi) {
        references.add(new ArticleEventData.Reference(references.size() + 1, null, null, null, null, null, null, null, null, null, doi));
        return this;
    }

    public ArticleDraft citesStructured(List<String> authors, String title, String container, Integer year, String volume,
                                        String firstPage, String lastPage) {
        references.add(new ArticleEventData.Reference(references.size() + 1, null, authors, title, container, year, volume, null,
                firstPage, lastPage, null));
        return this;
    }

    /** The next version of the same article. */
    public ArticleDraft next() {
        version++;
        return this;
    }

    public ArticleEventData snapshot() {
        ArticleEventData.Journal journal = journalId == null ? null
                : new ArticleEventData.Journal(journalId, journalTitles.isEmpty() ? Map.of("en", "Journal") : Map.copyOf(journalTitles), null, null);
        ArticleEventData.Issue issue = volume == null && number == null ? null : new ArticleEventData.Issue(year, volume, number);
        return new ArticleEventData(id, version, workflowStatus, null, deleted, doi, null, Map.copyOf(titles), year, "en", journal,
                issue, firstPage, lastPage, List.copyOf(authors), List.copyOf(references),
                references.isEmpty() ? "NOT_SUPPLIED" : "PENDING", "test");
    }
}
