package org.scholarly.catalog.oai;

import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.AuthorEntry;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;

import javax.xml.stream.XMLStreamException;
import java.util.List;
import java.util.Map;

/**
 * oai_dc: simple Dublin Core as the OAI-PMH guidelines define it. Every language of the title, the abstract, the
 * keywords, the authors' names and the journal title is its own element with its xml:lang, so that an aggregator
 * that shows one language finds it.
 */
final class DublinCore {

    static final String PREFIX = "oai_dc";
    static final String NAMESPACE = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    private DublinCore() {
    }

    static byte[] write(Article article, Journal journal, Issue issue) throws XMLStreamException {
        MetadataXml xml = new MetadataXml();
        xml.start(PREFIX, "dc", NAMESPACE);
        xml.out.writeNamespace(PREFIX, NAMESPACE);
        xml.out.writeNamespace("dc", DC);
        xml.out.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.out.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", NAMESPACE + " " + SCHEMA);
        String primary = article.language;
        for (Map.Entry<String, String> title : MetadataXml.byLanguage(article.titles, primary)) {
            dc(xml, "title", title.getKey(), title.getValue());
        }
        for (AuthorEntry author : article.authors) {
            for (Map.Entry<String, String> name : MetadataXml.byLanguage(author.names(), primary)) {
                dc(xml, "creator", name.getKey(), name.getValue());
            }
        }
        for (Map.Entry<String, List<String>> keywords : MetadataXml.byLanguage(article.keywords, primary)) {
            for (String keyword : keywords.getValue()) {
                dc(xml, "subject", keywords.getKey(), keyword);
            }
        }
        for (Map.Entry<String, String> summary : MetadataXml.byLanguage(article.abstracts, primary)) {
            dc(xml, "description", summary.getKey(), summary.getValue());
        }
        for (Map.Entry<String, String> publisher : MetadataXml.byLanguage(journal.publisher, primary)) {
            dc(xml, "publisher", publisher.getKey(), publisher.getValue());
        }
        if (article.publicationYear != null) {
            dc(xml, "date", null, issue != null && issue.publicationDate != null
                    ? issue.publicationDate.toString() : article.publicationYear.toString());
        }
        dc(xml, "type", null, "Text");
        dc(xml, "type", null, "info:eu-repo/semantics/article");
        if (article.doi != null) {
            dc(xml, "identifier", null, "https://doi.org/" + article.doi);
        }
        String citation = JatsFront.citationTail(issue, article);
        for (Map.Entry<String, String> title : MetadataXml.byLanguage(journal.titles, primary)) {
            dc(xml, "source", title.getKey(), title.getValue() + citation);
        }
        for (String issn : new String[] {journal.issnPrint, journal.issnElectronic}) {
            if (issn != null) {
                dc(xml, "relation", null, "urn:ISSN:" + issn);
            }
        }
        dc(xml, "language", null, article.language);
        xml.end();
        return xml.finish();
    }

    private static void dc(MetadataXml xml, String element, String language, String value) throws XMLStreamException {
        xml.element("dc", element, DC, language, value);
    }
}
