package org.scholarly.catalog.oai;

import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.article.AuthorRole;
import org.scholarly.catalog.article.ReferenceEntry;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JATS front matter (JATS 1.3, archiving tag set): {@code <journal-meta>} and {@code <article-meta>} with the titles,
 * abstracts and keywords in every language, each author under both name forms (family-given for Korean, Chinese and
 * Japanese, given-family otherwise) with affiliations in every language, and the reference list in {@code <back>}
 * with the DOI each reference carries. The catalog receives resolution counts from the citation-service, not the
 * DOIs it resolved, so a reference without a DOI of its own has none here.
 */
final class JatsFront {

    static final String PREFIX = "jats";
    static final String NAMESPACE = "https://jats.nlm.nih.gov/ns/archiving/1.3/";
    static final String SCHEMA = "https://jats.nlm.nih.gov/archiving/1.3/xsd/JATS-archivearticle1-3.xsd";
    private static final Set<String> EASTERN = Set.of("ko", "ja", "zh");

    private JatsFront() {
    }

    static byte[] write(Article article, Journal journal, Issue issue) throws XMLStreamException {
        MetadataXml xml = new MetadataXml();
        String primary = article.language;
        xml.start("article");
        xml.out.writeDefaultNamespace(NAMESPACE);
        xml.out.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.out.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", NAMESPACE + " " + SCHEMA);
        xml.attribute("article-type", "research-article");
        xml.attribute("dtd-version", "1.3");
        xml.lang(primary);
        xml.start("front");
        journalMeta(xml, journal, primary);
        articleMeta(xml, article, issue, primary);
        xml.end();
        references(xml, article.references);
        xml.end();
        return xml.finish();
    }

    private static void journalMeta(MetadataXml xml, Journal journal, String primary) throws XMLStreamException {
        xml.start("journal-meta");
        xml.start("journal-title-group");
        titles(xml, journal.titles, primary, "journal-title");
        xml.end();
        issn(xml, "ppub", journal.issnPrint);
        issn(xml, "epub", journal.issnElectronic);
        List<Map.Entry<String, String>> publishers = MetadataXml.byLanguage(journal.publisher, primary);
        if (!publishers.isEmpty()) {
            xml.start("publisher");
            for (Map.Entry<String, String> publisher : publishers) {
                xml.start("publisher-name");
                xml.lang(publisher.getKey());
                xml.text(publisher.getValue());
                xml.end();
            }
            xml.end();
        }
        xml.end();
    }

    private static void issn(MetadataXml xml, String type, String issn) throws XMLStreamException {
        if (issn != null) {
            xml.start("issn");
            xml.attribute("pub-type", type);
            xml.text(issn);
            xml.end();
        }
    }

    private static void articleMeta(MetadataXml xml, Article article, Issue issue, String primary) throws XMLStreamException {
        xml.start("article-meta");
        if (article.doi != null) {
            xml.start("article-id");
            xml.attribute("pub-id-type", "doi");
            xml.text(article.doi);
            xml.end();
        }
        xml.start("title-group");
        titles(xml, article.titles, primary, "article-title");
        xml.end();
        contributors(xml, article.authors, primary);
        if (article.publicationYear != null) {
            xml.start("pub-date");
            xml.attribute("date-type", "pub");
            xml.element("year", article.publicationYear.toString());
            xml.end();
        }
        if (issue != null) {
            xml.element("volume", issue.volumeOrNull());
            xml.element("issue", issue.numberOrNull());
        }
        xml.element("fpage", article.firstPage);
        xml.element("lpage", article.lastPage);
        boolean first = true;
        for (Map.Entry<String, String> summary : MetadataXml.byLanguage(article.abstracts, primary)) {
            xml.start(first ? "abstract" : "trans-abstract");
            xml.lang(summary.getKey());
            xml.element("p", summary.getValue());
            xml.end();
            first = false;
        }
        for (Map.Entry<String, List<String>> keywords : MetadataXml.byLanguage(article.keywords, primary)) {
            if (!keywords.getValue().isEmpty()) {
                xml.start("kwd-group");
                xml.lang(keywords.getKey());
                for (String keyword : keywords.getValue()) {
                    xml.element("kwd", keyword);
                }
                xml.end();
            }
        }
        xml.end();
    }

    /** The primary language's title as the title, each other language as a translated title. */
    private static void titles(MetadataXml xml, Map<String, String> titles, String primary, String element) throws XMLStreamException {
        List<Map.Entry<String, String>> entries = MetadataXml.byLanguage(titles, primary);
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, String> title = entries.get(i);
            if (i == 0) {
                xml.start(element);
                xml.lang(title.getKey());
                xml.text(title.getValue());
                xml.end();
            } else {
                xml.start("trans-title-group");
                xml.lang(title.getKey());
                xml.element("trans-title", title.getValue());
                xml.end();
            }
        }
    }

    private static void contributors(MetadataXml xml, List<AuthorEntry> authors, String primary) throws XMLStreamException {
        if (authors.isEmpty()) {
            return;
        }
        xml.start("contrib-group");
        for (int i = 0; i < authors.size(); i++) {
            AuthorEntry author = authors.get(i);
            xml.start("contrib");
            xml.attribute("contrib-type", "author");
            if (author.roles() != null && author.roles().contains(AuthorRole.CORRESPONDING)) {
                xml.attribute("corresp", "yes");
            }
            if (author.orcid() != null) {
                xml.start("contrib-id");
                xml.attribute("contrib-id-type", "orcid");
                xml.text("https://orcid.org/" + author.orcid());
                xml.end();
            }
            List<Map.Entry<String, String>> names = MetadataXml.byLanguage(author.names(), primary);
            if (names.size() > 1) {
                xml.start("name-alternatives");
            }
            for (Map.Entry<String, String> name : names) {
                name(xml, name.getKey(), name.getValue(), author.familyNames() == null ? null : author.familyNames().get(name.getKey()));
            }
            if (names.size() > 1) {
                xml.end();
            }
            if (author.affiliations() != null && !author.affiliations().isEmpty()) {
                affiliations(xml, author.affiliations(), "aff" + (i + 1), primary);
            }
            xml.end();
        }
        xml.end();
    }

    /**
     * A structured name when the family name is known and the full name begins or ends with it, else the name as
     * written. Korean, Chinese and Japanese names are eastern (family first).
     */
    private static void name(MetadataXml xml, String language, String full, String family) throws XMLStreamException {
        String given = null;
        if (family != null && !family.isBlank()) {
            String f = family.strip();
            String n = full.strip();
            if (n.equals(f)) {
                given = "";
            } else if (n.startsWith(f)) {
                given = n.substring(f.length()).strip();
            } else if (n.endsWith(f)) {
                given = n.substring(0, n.length() - f.length()).strip();
            }
            if (given != null) {
                given = given.replaceAll("^[,\\s]+|[,\\s]+$", "");
            }
        }
        if (given == null) {
            xml.start("string-name");
            xml.lang(language);
            xml.text(full);
            xml.end();
            return;
        }
        xml.start("name");
        xml.attribute("name-style", EASTERN.contains(language) ? "eastern" : "western");
        xml.lang(language);
        xml.element("surname", family.strip());
        xml.element("given-names", given);
        xml.end();
    }

    /** An author's affiliations, each with its institution name in every language it has. */
    private static void affiliations(MetadataXml xml, List<Map<String, String>> affiliations, String id, String primary)
            throws XMLStreamException {
        for (int a = 0; a < affiliations.size(); a++) {
            List<Map.Entry<String, String>> names = MetadataXml.byLanguage(affiliations.get(a), primary);
            if (names.isEmpty()) {
                continue;
            }
            xml.start("aff-alternatives");
            xml.attribute("id", id + "-" + (a + 1));
            for (Map.Entry<String, String> name : names) {
                xml.start("aff");
                xml.lang(name.getKey());
                xml.element("institution", name.getValue());
                xml.end();
            }
            xml.end();
        }
    }

    private static void references(MetadataXml xml, List<ReferenceEntry> references) throws XMLStreamException {
        if (references == null || references.isEmpty()) {
            return;
        }
        xml.start("back");
        xml.start("ref-list");
        for (int i = 0; i < references.size(); i++) {
            ReferenceEntry reference = references.get(i);
            xml.start("ref");
            xml.attribute("id", "ref" + (i + 1));
            if (reference.raw() != null && !reference.raw().isBlank()) {
                xml.start("mixed-citation");
                xml.text(reference.raw());
                pubId(xml, reference.doi());
                xml.end();
            } else {
                elementCitation(xml, reference);
            }
            xml.end();
        }
        xml.end();
        xml.end();
    }

    private static void elementCitation(MetadataXml xml, ReferenceEntry reference) throws XMLStreamException {
        xml.start("element-citation");
        if (reference.authors() != null && !reference.authors().isEmpty()) {
            xml.start("person-group");
            xml.attribute("person-group-type", "author");
            for (String author : reference.authors()) {
                xml.element("string-name", author);
            }
            xml.end();
        }
        xml.element("article-title", reference.title());
        xml.element("source", reference.container());
        xml.element("year", reference.year() == null ? null : reference.year().toString());
        xml.element("volume", reference.volume());
        xml.element("issue", reference.issue());
        xml.element("fpage", reference.firstPage());
        xml.element("lpage", reference.lastPage());
        pubId(xml, reference.doi());
        xml.end();
    }

    private static void pubId(MetadataXml xml, String doi) throws XMLStreamException {
        if (doi != null && !doi.isBlank()) {
            xml.text(" ");
            xml.start("pub-id");
            xml.attribute("pub-id-type", "doi");
            xml.text(doi);
            xml.end();
        }
    }

    /** ", 42(3), 481-512" after a journal title, for Dublin Core's source. */
    static String citationTail(Issue issue, Article article) {
        StringBuilder tail = new StringBuilder();
        if (issue != null && issue.volumeOrNull() != null) {
            tail.append(", ").append(issue.volumeOrNull());
            if (issue.numberOrNull() != null) {
                tail.append('(').append(issue.numberOrNull()).append(')');
            }
        } else if (issue != null && issue.numberOrNull() != null) {
            tail.append(", (").append(issue.numberOrNull()).append(')');
        }
        if (article.firstPage != null) {
            tail.append(", ").append(article.firstPage);
            if (article.lastPage != null) {
                tail.append('-').append(article.lastPage);
            }
        }
        return tail.toString();
    }
}
