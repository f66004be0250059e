package org.scholarly.catalog.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.article.AuthorRole;
import org.scholarly.catalog.article.ReferenceEntry;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.common.Checks;
import org.scholarly.catalog.journal.IssueInput;
import org.scholarly.catalog.journal.JournalInput;
import org.scholarly.support.text.Hangul;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one Crossref work (REST API JSON) to the native record. Crossref does not say which language a title is
 * in; the work's {@code language} is used when present, else Hangul text is taken as Korean and the rest as English.
 */
final class CrossrefMapping {

    private static final Pattern LEADING_YEAR = Pattern.compile("^(\\d{4})");

    private CrossrefMapping() {
    }

    static ArticleRecord toRecord(JsonNode w) {
        String language = text(w, "language");
        if (language != null) {
            language = language.length() >= 2 ? language.substring(0, 2).toLowerCase(java.util.Locale.ROOT) : null;
        }
        Map<String, String> titles = new LinkedHashMap<>();
        for (JsonNode title : w.path("title")) {
            putLocalized(titles, title.asText(), language);
        }
        Map<String, String> abstracts = new LinkedHashMap<>();
        String abstractText = text(w, "abstract");
        if (abstractText != null) {
            putLocalized(abstracts, Markup.plainText(abstractText), language);
        }
        List<AuthorEntry> authors = new ArrayList<>();
        for (JsonNode a : w.path("author")) {
            authors.add(author(a));
        }
        int[] date = date(w);
        Integer year = date.length > 0 ? date[0] : null;
        String volume = text(w, "volume");
        String number = text(w, "issue");
        IssueInput issue = year == null || volume == null && number == null ? null
                : new IssueInput(year, volume, number, date.length == 3 ? LocalDate.of(date[0], date[1], date[2]) : null);
        String[] pages = pages(text(w, "page"));
        List<ReferenceEntry> references = new ArrayList<>();
        for (JsonNode r : w.path("reference")) {
            ReferenceEntry reference = reference(r);
            if (reference != null) {
                references.add(reference);
            }
        }
        return new ArticleRecord(titles, abstracts, Map.of(), year, pages[0], pages[1], text(w, "DOI"), List.of(), language,
                WorkflowStatus.PUBLISHED, journal(w), issue, authors, references);
    }

    private static JournalInput journal(JsonNode w) {
        Map<String, String> titles = new LinkedHashMap<>();
        JsonNode containers = w.path("container-title");
        if (containers.isArray() && !containers.isEmpty()) {
            putLocalized(titles, containers.get(0).asText(), null);
        }
        if (titles.isEmpty()) {
            throw new IllegalArgumentException("container-title: a work needs the journal it appeared in");
        }
        String print = null;
        String electronic = null;
        for (JsonNode issn : w.path("issn-type")) {
            if ("print".equals(issn.path("type").asText())) {
                print = issn.path("value").asText(null);
            } else if ("electronic".equals(issn.path("type").asText())) {
                electronic = issn.path("value").asText(null);
            }
        }
        if (print == null && electronic == null) {
            JsonNode issns = w.path("ISSN");
            print = issns.size() > 0 ? issns.get(0).asText() : null;
            electronic = issns.size() > 1 ? issns.get(1).asText() : null;
        }
        String publisher = text(w, "publisher");
        return new JournalInput(titles, publisher == null ? null : localized(publisher, null), null, null, print, electronic, List.of());
    }

    private static AuthorEntry author(JsonNode a) {
        String given = text(a, "given");
        String family = text(a, "family");
        String name = text(a, "name");
        String display;
        if (family == null) {
            display = name != null ? name : given;
        } else if (given == null) {
            display = family;
        } else {
            // Korean, Chinese and Japanese names are written family name first.
            display = Hangul.isHangul(family) ? family + given : given + " " + family;
        }
        if (display == null) {
            throw new IllegalArgumentException("author: an author needs a given, family or organisation name");
        }
        List<Map<String, String>> affiliations = new ArrayList<>();
        for (JsonNode affiliation : a.path("affiliation")) {
            String affiliationName = text(affiliation, "name");
            if (affiliationName != null) {
                affiliations.add(localized(affiliationName, null));
            }
        }
        List<AuthorRole> roles = "first".equals(text(a, "sequence")) ? List.of(AuthorRole.FIRST) : null;
        return new AuthorEntry(localized(display, null), family == null ? null : localized(family, null),
                affiliations.isEmpty() ? null : affiliations, text(a, "ORCID"), roles);
    }

    /** Unresolved entries keep whatever Crossref has; with nothing to cite by, the entry is left out. */
    private static ReferenceEntry reference(JsonNode r) {
        String raw = text(r, "unstructured");
        String title = text(r, "article-title");
        String doi = text(r, "DOI");
        String container = text(r, "journal-title");
        String author = text(r, "author");
        Integer year = null;
        String yearText = text(r, "year");
        if (yearText != null) {
            Matcher m = LEADING_YEAR.matcher(yearText);
            year = m.find() ? Integer.valueOf(m.group(1)) : null;
        }
        if (raw == null && title == null && doi == null) {
            List<String> parts = new ArrayList<>();
            for (String part : new String[] {author, yearText, container, text(r, "volume"), text(r, "first-page")}) {
                if (part != null) {
                    parts.add(part);
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            raw = String.join(", ", parts);
        }
        return new ReferenceEntry(raw, author == null ? null : List.of(author), title, container, year,
                text(r, "volume"), text(r, "issue"), text(r, "first-page"), null, doi);
    }

    /**
     * The first dated field's {@code date-parts}: year alone, or year, month and day. Impossible dates (month 13,
     * 30 February, a negative year, numbers that are not whole) are the work's error, not the job's.
     */
    private static int[] date(JsonNode w) {
        for (String field : new String[] {"published", "published-print", "published-online", "issued"}) {
            JsonNode parts = w.path(field).path("date-parts").path(0);
            if (parts.isArray() && !parts.isEmpty() && !parts.get(0).isNull()) {
                int[] date = new int[parts.size() >= 3 ? 3 : 1];
                for (int i = 0; i < date.length; i++) {
                    JsonNode part = parts.get(i);
                    if (!part.isInt()) {
                        throw new IllegalArgumentException(field + ".date-parts: " + parts + " is not a date (whole numbers expected)");
                    }
                    date[i] = part.asInt();
                }
                if (date[0] < Checks.MIN_YEAR || date[0] > Checks.maxYear()) {
                    throw new IllegalArgumentException(field + ".date-parts: year " + date[0] + " must be between "
                            + Checks.MIN_YEAR + " and " + Checks.maxYear());
                }
                if (date.length == 3) {
                    try {
                        LocalDate.of(date[0], date[1], date[2]);
                    } catch (DateTimeException e) {
                        throw new IllegalArgumentException(field + ".date-parts: " + parts + " is not a date: " + e.getMessage());
                    }
                }
                return date;
            }
        }
        return new int[0];
    }

    private static String[] pages(String page) {
        if (page == null) {
            return new String[] {null, null};
        }
        String[] parts = page.split("[-–]", 2);
        return new String[] {parts[0].strip(), parts.length > 1 ? parts[1].strip() : null};
    }

    private static void putLocalized(Map<String, String> map, String text, String language) {
        if (text != null && !text.isBlank()) {
            map.putIfAbsent(language != null && !Hangul.contains(text) ? language : languageOf(text), text.strip());
        }
    }

    private static Map<String, String> localized(String text, String language) {
        Map<String, String> map = new LinkedHashMap<>();
        putLocalized(map, text, language);
        return map;
    }

    private static String languageOf(String text) {
        return Hangul.contains(text) ? "ko" : "en";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
