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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.common.Bodies;
import org.scholarly.catalog.common.Caller;
import org.scholarly.catalog.common.CatalogConfig;
import org.scholarly.catalog.export.ArticleExports;
import org.scholarly.catalog.export.CitationRequest;
import org.scholarly.catalog.ingest.ArticleRecord;
import org.scholarly.catalog.ingest.SingleIngestService;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.security.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
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
    @Inject
    ArticleExports exports;

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

    /**
     * JSON pages by default; with Accept application/x-bibtex, application/x-research-info-systems or
     * application/x-ndjson, every matching article in one stream (see {@link ArticleExports#listing}).
     */
    @GET
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "A page of articles (JSON), or every matching article as BibTeX, RIS or NDJSON",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class)),
                    @Content(mediaType = "application/x-bibtex", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-research-info-systems", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = ArticleView.class))})
    public Response list(@QueryParam("journalId") String journalId, @QueryParam("year") Integer year,
                         @QueryParam("status") String status, @QueryParam("referenceStatus") String referenceStatus,
                         @QueryParam("q") String q, @BeanParam PageParams page, @Context HttpHeaders headers) {
        Optional<CitationRequest> export = exports.negotiate(headers, ArticleExports.LISTING);
        if (export.isPresent()) {
            return exports.listing(export.get(), ArticleFilter.parse(journalId, year, status, referenceStatus, q, new PageParams()),
                    page.given(), caller.isEditor());
        }
        Page<ArticleView> articlePage = articles.list(ArticleFilter.parse(journalId, year, status, referenceStatus, q, page),
                caller.isEditor());
        return Response.ok(articlePage).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** JSON by default; BibTeX, RIS, CSL-JSON or a formatted citation when Accept asks for one. */
    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "The article (JSON; ETag is its version, for If-Match), or a citation of it in the format Accept asks for",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)),
                    @Content(mediaType = "application/x-bibtex", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-research-info-systems", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/vnd.citationstyles.csl+json", schema = @Schema(type = SchemaType.ARRAY)),
                    @Content(mediaType = "text/x-bibliography", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "406", description = "Accept asks for a type that is not offered")
    public Response get(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        Optional<CitationRequest> citation = exports.negotiate(headers, ArticleExports.ARTICLE);
        ArticleView article = articles.get(id, caller.isEditor());
        if (citation.isPresent()) {
            return exports.citation(article, citation.get());
        }
        return Response.ok(article).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .tag(Long.toString(article.version())).build();
    }

    /**
     * The article as a reference manager or a reader wants it: {@code format} is bibliography (default), bibtex,
     * ris or csl-json, and takes the place of Accept; {@code style} and {@code locale} apply to every format.
     */
    @GET
    @Path("/{id}/citation")
    @PermitAll
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "A citation of the article",
            content = {@Content(mediaType = "text/x-bibliography", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-bibtex", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/x-research-info-systems", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/vnd.citationstyles.csl+json", schema = @Schema(type = SchemaType.ARRAY))})
    @APIResponse(responseCode = "406", description = "Accept asks for a type that is not offered")
    public Response citation(@PathParam("id") UUID id, @QueryParam("format") String format, @QueryParam("style") String style,
                             @QueryParam("locale") String locale, @Context HttpHeaders headers) {
        CitationRequest request = exports.citationRequest(headers, format, style, locale);
        return exports.citation(articles.get(id, caller.isEditor()), request);
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

    /** What a JSON page of {@link #list} holds, for the API document (the method returns a Response to negotiate). */
    @Schema(name = "PageArticleView")
    record ArticlePage(List<ArticleView> items, @Schema(description = "Absent on the last page") String nextCursor) {
    }
}
