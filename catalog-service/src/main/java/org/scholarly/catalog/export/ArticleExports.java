package org.scholarly.catalog.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.scholarly.catalog.article.ArticleFilter;
import org.scholarly.catalog.article.ArticleService;
import org.scholarly.catalog.article.ArticleView;
import org.scholarly.catalog.common.CatalogConfig;
import org.scholarly.catalog.common.Cursor;
import org.scholarly.support.paging.Page;
import org.scholarly.support.problem.ProblemException;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Citation formats of one article and exports of a listing. The resource reads the article or parses the filter
 * exactly as for its JSON answer (so visibility is the same: unpublished articles exist for editors only) and hands
 * the result here when Accept or {@code format} asks for something other than JSON.
 */
@ApplicationScoped
public class ArticleExports {

    /** GET /api/v1/articles/{id}: JSON first, so that a client that accepts anything keeps getting JSON. */
    public static final List<Representation> ARTICLE = List.of(Representation.JSON, Representation.BIBTEX,
            Representation.RIS, Representation.CSL_JSON, Representation.BIBLIOGRAPHY);
    /** GET /api/v1/articles/{id}/citation: a formatted citation unless asked otherwise. */
    public static final List<Representation> CITATION = List.of(Representation.BIBLIOGRAPHY, Representation.BIBTEX,
            Representation.RIS, Representation.CSL_JSON);
    /** GET /api/v1/articles: JSON pages, or every matching article as one BibTeX, RIS or NDJSON stream. */
    public static final List<Representation> LISTING = List.of(Representation.JSON, Representation.BIBTEX,
            Representation.RIS, Representation.NDJSON);

    @Inject
    CitationRenderer renderer;
    @Inject
    ArticleService articles;
    @Inject
    CatalogConfig config;
    @Inject
    ObjectMapper mapper;

    /** The non-JSON representation Accept asks for, if any; a 406 when it asks for nothing offered. */
    public Optional<CitationRequest> negotiate(HttpHeaders headers, List<Representation> offered) {
        CitationRequest request = CitationRequest.negotiate(headers.getAcceptableMediaTypes(), offered, null, null);
        return request.representation() == Representation.JSON ? Optional.empty() : Optional.of(request);
    }

    /** For /citation: {@code format} takes the place of Accept when given. */
    public CitationRequest citationRequest(HttpHeaders headers, String format, String style, String locale) {
        return format == null || format.isBlank()
                ? CitationRequest.negotiate(headers.getAcceptableMediaTypes(), CITATION, style, locale)
                : CitationRequest.named(format, CITATION, style, locale);
    }

    public Response citation(ArticleView article, CitationRequest request) {
        return Response.ok(text(article, request)).type(request.representation().contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * Every article the filter matches, newest first, streamed in batches of {@code catalog.export.batch-size}
     * (each its own short read transaction, so neither memory nor a connection is held for the whole export). More
     * matches than {@code catalog.export.max-articles} is a 400 before anything is written.
     */
    public Response listing(CitationRequest request, ArticleFilter filter, boolean pagingAsked, boolean editor) {
        if (pagingAsked) {
            throw ProblemException.badRequest("limit and cursor page the JSON listing; a " + request.representation().formatName()
                    + " export holds every matching article (at most " + config.export().maxArticles() + ")");
        }
        int max = config.export().maxArticles();
        long matching = articles.count(filter, editor);
        if (matching > max) {
            throw ProblemException.badRequest(matching + " articles match; an export holds at most " + max
                    + ": narrow it with journalId, year, status, referenceStatus or q");
        }
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            Cursor cursor = null;
            int written = 0;
            do {
                int batch = Math.min(config.export().batchSize(), max - written);
                Page<ArticleView> page = articles.list(new ArticleFilter(filter.journalId(), filter.year(), filter.status(),
                        filter.referenceStatus(), filter.q(), batch, cursor), editor, request.representation() == Representation.NDJSON);
                for (ArticleView article : page.items()) {
                    writer.write(text(article, request));
                    written++;
                }
                writer.flush();
                cursor = Cursor.decode(page.nextCursor());
                // Articles added while the export runs sort before its position and are left out; the bound holds
                // even if more than the counted articles appear meanwhile.
            } while (cursor != null && written < max);
            writer.flush();
        };
        return Response.ok(body).type(request.representation().contentType())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private String text(ArticleView article, CitationRequest request) {
        CitedArticle cited = CitedArticle.of(article, request.locale());
        return switch (request.representation()) {
            case BIBTEX -> Bibtex.entry(cited);
            case RIS -> Ris.record(cited);
            case CSL_JSON -> json(CslItems.json(CslItems.exported(cited)));
            case BIBLIOGRAPHY -> renderer.render(CslItems.forProcessor(cited), request.style(), request.locale());
            case NDJSON -> json(article) + "\n";
            case JSON -> throw new IllegalArgumentException("JSON is the resource's own representation");
        };
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
