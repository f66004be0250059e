package org.scholarly.catalog.oai;

import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.exceptions.OAIException;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import io.gdcc.xoai.services.api.DateProvider;

import java.util.Optional;

/**
 * The library's data provider (request parsing, argument and date checks, Identify, ListSets, ListMetadataFormats,
 * GetRecord, errors), with ListIdentifiers and ListRecords answered by {@link HarvestLists}, which pages by position.
 */
final class CatalogDataProvider extends DataProvider {

    private final Repository repository;
    private final HarvestLists lists;

    CatalogDataProvider(Context context, Repository repository, HarvestLists lists) {
        super(context, repository);
        this.repository = repository;
        this.lists = lists;
    }

    @Override
    public OAIPMH handle(Request request) {
        Optional<Verb.Type> verb = request.getType();
        if (verb.isEmpty() || verb.get() != Verb.Type.ListRecords && verb.get() != Verb.Type.ListIdentifiers) {
            return super.handle(request);
        }
        OAIPMH response = new OAIPMH().withRequest(request).withResponseDate(DateProvider.now());
        try {
            Optional<ResumptionToken.Value> sent = repository.getConfiguration().getResumptionTokenFormat().parse(request);
            ResumptionToken.Value token = sent.orElseGet(() -> ResumptionToken.ValueBuilder.build(request));
            return response.withVerb(verb.get() == Verb.Type.ListRecords
                    ? lists.records(token, sent.isPresent())
                    : lists.identifiers(token, sent.isPresent()));
        } catch (OAIException e) {
            return errorsHandler.handle(response, e);
        }
    }
}
