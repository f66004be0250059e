package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.exceptions.handler.HandlerException;
import io.gdcc.xoai.dataprovider.exceptions.handler.NoMatchesException;
import io.gdcc.xoai.dataprovider.handlers.VerbHandler;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.model.oaipmh.verbs.ListIdentifiers;
import io.gdcc.xoai.model.oaipmh.verbs.ListRecords;
import org.scholarly.catalog.article.Article;

import java.util.List;
import java.util.Optional;

/**
 * ListIdentifiers and ListRecords by position: the articles after the last one handed out in the order (last change,
 * harvest key). A change moves an article to the end of that order and a new article starts there, so a harvest in
 * progress neither skips nor repeats what it has not yet reached, and sees records written during it at its end.
 * The token carries the position; see {@link PositionTokenFormat}.
 */
final class HarvestLists extends VerbHandler<ListRecords> {

    private final HarvestStore store;
    private final ArticleItems items;
    private final CatalogSets sets;
    private final int pageSize;

    HarvestLists(Context context, Repository repository, HarvestStore store, ArticleItems items, CatalogSets sets, int pageSize) {
        super(context, repository);
        this.store = store;
        this.items = items;
        this.sets = sets;
        this.pageSize = pageSize;
    }

    private record Page(List<ArticleItem> items, Optional<ResumptionToken> token) {
    }

    ListRecords records(ResumptionToken.Value token, boolean resumed) throws HandlerException, BadResumptionTokenException {
        Page page = page(token, resumed);
        ListRecords response = new ListRecords();
        for (ArticleItem item : page.items()) {
            Record record = new Record().withHeader(header(item));
            if (!item.isDeleted()) {
                record.withMetadata(item.getMetadata());
            }
            response.withRecord(record);
        }
        page.token().ifPresent(response::withResumptionToken);
        return response;
    }

    ListIdentifiers identifiers(ResumptionToken.Value token, boolean resumed) throws HandlerException, BadResumptionTokenException {
        Page page = page(token, resumed);
        ListIdentifiers response = new ListIdentifiers();
        for (ArticleItem item : page.items()) {
            response.getHeaders().add(header(item));
        }
        page.token().ifPresent(response::withResumptionToken);
        return response;
    }

    private Page page(ResumptionToken.Value token, boolean resumed) throws HandlerException, BadResumptionTokenException {
        verifySet(token);
        MetadataFormat format = verifyFormat(token);
        if (resumed && !token.hasFrom()) {
            // Every list token this repository issues holds a position.
            throw new BadResumptionTokenException("The resumption token is not one this repository issued");
        }
        HarvestStore.Scope scope = token.hasSetSpec() ? sets.scope(token.getSetSpec()) : HarvestStore.Scope.ALL;
        HarvestStore.Position position = token.hasFrom() ? new HarvestStore.Position(token.getFrom(), token.getOffset()) : null;
        // One more than a page: whether there is a next page is known now, so the last page never promises one.
        List<Article> rows = store.page(position, token.getUntil(), scope, pageSize + 1);
        if (rows.isEmpty()) {
            throw new NoMatchesException();
        }
        boolean more = rows.size() > pageSize;
        List<ArticleItem> page = rows.subList(0, Math.min(rows.size(), pageSize)).stream().map(a -> items.item(a, format)).toList();
        Optional<ResumptionToken> next = Optional.empty();
        if (more) {
            Article last = page.get(page.size() - 1).article();
            ResumptionToken.ValueBuilder value = new ResumptionToken.ValueBuilder()
                    .withFrom(last.updatedAt.toInstant()).withOffset(last.harvestKey).withMetadataPrefix(format.getPrefix());
            if (token.hasUntil()) {
                value.withUntil(token.getUntil());
            }
            if (token.hasSetSpec()) {
                value.withSetSpec(token.getSetSpec());
            }
            next = Optional.of(new ResumptionToken(value.build()));
        } else if (resumed) {
            // The protocol ends a list that took more than one response with an empty token.
            next = Optional.of(new ResumptionToken());
        }
        return new Page(page, next);
    }

    private static Header header(ArticleItem item) {
        Header header = new Header().withIdentifier(item.getIdentifier()).withDatestamp(item.getDatestamp());
        for (Set set : item.getSets()) {
            header.withSetSpec(set.getSpec());
        }
        if (item.isDeleted()) {
            header.withStatus(Header.Status.DELETED);
        }
        return header;
    }
}
