package org.scholarly.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.common.Bodies;
import org.scholarly.catalog.common.Caller;
import org.scholarly.catalog.common.CatalogConfig;
import org.scholarly.catalog.ingest.ArticleRecord;
import org.scholarly.catalog.ingest.SingleIngestService;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    ArticleService articles;
    @Inject
    SingleIngestService ingest;
    @Inject
    Caller caller;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper mapper;

    /**
     * Creates (201) or updates (200) one article in the native JSON form; identical content answers 200 and changes
     * nothing. Without the editor role, a record matching an article that is not published needs If-Match with that
     * article's version (see {@link WriteAuthority}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INGEST, Roles.EDITOR})
    @RequestBody(required = true, description = "One article in the native form; read with a byte limit (catalog.ingest.max-record-bytes)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleRecord.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the article",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "200", description = "Updated, or identical content: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", description = "The record matches an article this caller may not write, or an Idempotency-Key reused with another body")
    @APIResponse(responseCode = "422", description = "The record cannot be filed (e.g. an unknown journal)")
    public Response ingest(@Parameter(hidden = true) InputStream body, @Parameter(hidden = true) @HeaderParam("Content-Length") Long contentLength,
                           @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @HeaderParam("If-Match") String ifMatch) throws IOException {
        // Read with a byte limit first: a client must not make the service buffer an arbitrarily large record.
        byte[] bytes = Bodies.readAtMost(body, contentLength, config.ingest().maxRecordBytes());
        ArticleRecord record = mapper.readValue(bytes, ArticleRecord.class);
        SingleIngestService.Reply reply = ingest.ingest(bytes, record, blankToNull(idempotencyKey), caller.subject(),
                new WriteAuthority(caller.isEditor(), IfMatch.version(ifMatch)));
        Response.ResponseBuilder response = Response.status(reply.status()).entity(reply.body()).type(MediaType.APPLICATION_JSON);
        if (reply.location() != null) {
            response.location(URI.create(reply.location()));
        }
        return response.build();
    }

    @GET
    @PermitAll
    public Page<ArticleView> list(@QueryParam("journalId") String journalId, @QueryParam("year") Integer year,
                                  @QueryParam("status") String status, @QueryParam("referenceStatus") String referenceStatus,
                                  @QueryParam("q") String q, @BeanParam PageParams page) {
        return articles.list(ArticleFilter.parse(journalId, year, status, referenceStatus, q, page), caller.isEditor());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The article; ETag is its version, for If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    public Response get(@PathParam("id") UUID id) {
        ArticleView article = articles.get(id, caller.isEditor());
        return Response.ok(article).tag(Long.toString(article.version())).build();
    }

    @GET
    @Path("/{id}/references")
    @PermitAll
    public ReferenceList references(@PathParam("id") UUID id) {
        return articles.references(id, caller.isEditor());
    }

    /**
     * Replaces the whole reference list; If-Match (the article version) guards against lost updates, and without the
     * editor role it is required for an article that is not published.
     */
    @PUT
    @Path("/{id}/references")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INGEST, Roles.EDITOR})
    public ReferenceList replaceReferences(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                           @Valid @NotNull ReferenceListInput input) {
        return articles.replaceReferences(id, input.references(), IfMatch.version(ifMatch), caller.subject(),
                caller.isEditor());
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed(Roles.EDITOR)
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return articles.history(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
