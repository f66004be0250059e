package org.scholarly.citation.counts;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;

import java.util.UUID;

/** Citation counts and citing articles of one article; public, like the published catalog. */
@Path("/api/v1/citations")
@Produces(MediaType.APPLICATION_JSON)
public class CitationResource {

    @Inject
    CitationQueries queries;

    @GET
    @Path("/articles/{id}")
    @PermitAll
    public CitationQueries.ArticleCitations article(@PathParam("id") UUID id) {
        return queries.article(id);
    }

    @GET
    @Path("/articles/{id}/cited-by")
    @PermitAll
    public Page<CitationQueries.CitingArticle> citedBy(@PathParam("id") UUID id, @BeanParam PageParams page) {
        return queries.citedBy(id, page.cursor(), page.limit());
    }

    @GET
    @Path("/journals/{id}")
    @PermitAll
    public CitationQueries.JournalCitations journal(@PathParam("id") UUID id) {
        return queries.journal(id);
    }
}
