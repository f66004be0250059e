package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.exceptions.InternalOAIException;
import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import org.scholarly.catalog.article.Article;
import org.scholarly.catalog.journal.Issue;

import java.util.List;

/**
 * Single items for GetRecord and ListMetadataFormats. The list verbs do not come here: the library pages by offset,
 * which skips or repeats records while the catalog changes, so {@link CatalogDataProvider} answers them with
 * {@link HarvestLists} instead.
 */
final class ArticleItems implements ItemRepository {

    private final HarvestStore store;
    private final OaiIdentifiers identifiers;

    ArticleItems(HarvestStore store, OaiIdentifiers identifiers) {
        this.store = store;
        this.identifiers = identifiers;
    }

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return item(find(identifier), null);
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws IdDoesNotExistException {
        return item(find(identifier), format);
    }

    ArticleItem item(Article article, MetadataFormat format) {
        Issue issue = article.issueId == null ? null : store.issue(article.issueId);
        return new ArticleItem(identifiers.of(article.id), article, store.journal(article.journalId), issue, format);
    }

    private Article find(String identifier) throws IdDoesNotExistException {
        return identifiers.articleId(identifier).flatMap(store::publicArticle)
                .orElseThrow(() -> new IdDoesNotExistException("No published article has the identifier " + identifier));
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(List<ScopedFilter> filters, MetadataFormat metadataFormat,
                                                          int maxResponseLength, ResumptionToken.Value resumptionToken) {
        throw new InternalOAIException("ListIdentifiers is answered by HarvestLists");
    }

    @Override
    public ResultsPage<Item> getItems(List<ScopedFilter> filters, MetadataFormat metadataFormat, int maxResponseLength,
                                      ResumptionToken.Value resumptionToken) {
        throw new InternalOAIException("ListRecords is answered by HarvestLists");
    }
}
