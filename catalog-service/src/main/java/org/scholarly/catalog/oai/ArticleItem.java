package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.exceptions.InternalOAIException;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.article.WorkflowStatus;
import org.scholarly.catalog.journal.Issue;
import org.scholarly.catalog.journal.Journal;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One public article as an OAI-PMH item. A retracted article is a deleted record: it was published, harvesters hold
 * it, and they must learn that it is gone. Its metadata is written only when a record is answered, never for headers.
 */
final class ArticleItem implements Item {

    private final String identifier;
    private final Article article;
    private final Journal journal;
    private final Issue issue;
    private final MetadataFormat format;

    ArticleItem(String identifier, Article article, Journal journal, Issue issue, MetadataFormat format) {
        this.identifier = identifier;
        this.article = article;
        this.journal = journal;
        this.issue = issue;
        this.format = format;
    }

    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public Instant getDatestamp() {
        return article.updatedAt.toInstant();
    }

    /** The journal's set and the most specific research-area set (membership of its ancestors follows from it). */
    @Override
    public List<Set> getSets() {
        List<Set> sets = new ArrayList<>(2);
        sets.add(new Set(SetSpecs.journal(article.journalId)));
        List<String> areas = SetSpecs.areaHierarchy(journal.researchArea);
        if (!areas.isEmpty()) {
            sets.add(new Set(areas.get(areas.size() - 1)));
        }
        return sets;
    }

    @Override
    public boolean isDeleted() {
        return article.workflowStatus == WorkflowStatus.RETRACTED;
    }

    /** Written here and copied into the response as it is: the library's XSLT pass would only cost time. */
    @Override
    public Metadata getMetadata() {
        try {
            byte[] xml = JatsFront.PREFIX.equals(format.getPrefix())
                    ? JatsFront.write(article, journal, issue)
                    : DublinCore.write(article, journal, issue);
            return Metadata.copyFromStream(new ByteArrayInputStream(xml));
        } catch (XMLStreamException e) {
            throw new InternalOAIException(e);
        }
    }

    Article article() {
        return article;
    }
}
