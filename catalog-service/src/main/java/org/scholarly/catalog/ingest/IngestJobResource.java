package org.scholarly.catalog.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.common.Caller;
import org.scholarly.support.problem.ProblemException;
import org.scholarly.support.security.Roles;

import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;

@jakarta.ws.rs.Path("/api/v1/ingest/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class IngestJobResource {

    public static final String NDJSON = "application/x-ndjson";

    @Inject
    IngestJobService jobs;
    @Inject
    JobSpool spool;
    @Inject
    IngestJobRunner runner;
    @Inject
    Caller caller;

    /**
     * Accepts native records as NDJSON, or a Crossref works answer ({@code ?format=crossref}, JSON), and answers
     * 202 with the job's location. The body is streamed into the database with the job (never held in memory), so
     * the job survives a restart, and processed after the response by whichever instance claims it. A body that
     * does not fit the spool now is 429 with Retry-After; one larger than the whole spool is 413.
     */
    @POST
    @Consumes({NDJSON, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.INGEST)
    @RequestBody(required = true, description = "NDJSON: one native article record per line; JSON with ?format=crossref: a Crossref works answer. Streamed to the job spool",
            content = {@Content(mediaType = NDJSON, schema = @Schema(implementation = ArticleRecord.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A Crossref works answer: {message: {items: [work, ...]}}"))})
    @APIResponse(responseCode = "202", description = "Accepted; Location names the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobView.class)))
    public Response submit(@Parameter(hidden = true) InputStream body, @QueryParam("format") String format, @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
                           @Parameter(hidden = true) @HeaderParam("Content-Length") Long contentLength) {
        IngestJob.Format jobFormat = format(format);
        String expected = jobFormat == IngestJob.Format.CROSSREF ? MediaType.APPLICATION_JSON : NDJSON;
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(expected)) {
            throw ProblemException.unsupportedMediaType("format " + jobFormat.name().toLowerCase(Locale.ROOT) + " is sent as " + expected);
        }
        IngestJob job = spool.accept(body, contentLength, jobFormat, caller.subject());
        runner.wake();
        return Response.accepted(jobs.view(job.id)).location(URI.create("/api/v1/ingest/jobs/" + job.id)).build();
    }

    @GET
    @jakarta.ws.rs.Path("/{id}")
    @RolesAllowed({Roles.INGEST, Roles.EDITOR})
    public JobView get(@PathParam("id") UUID id) {
        return jobs.view(id);
    }

    private static IngestJob.Format format(String format) {
        if (format == null || format.equalsIgnoreCase("native") || format.equalsIgnoreCase("ndjson")) {
            return IngestJob.Format.NATIVE;
        }
        if (format.equalsIgnoreCase("crossref")) {
            return IngestJob.Format.CROSSREF;
        }
        throw ProblemException.invalidField("format", "must be native (NDJSON) or crossref");
    }
}
