package org.scholarly.citation.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.support.security.Roles;

import java.util.List;

/**
 * For operators and the fault drills: do the stored counters equal a recomputation from the links, and has this
 * service applied the article versions the catalog committed? Reads only; editors only, as it scans tables.
 */
@Path("/api/v1/citations/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record ArticleCheckRequest(@NotNull @Size(min = 1, max = 1000) List<CitationAudit.@NotNull ArticleVersion> articles) {
    }

    @Inject
    CitationAudit audit;

    @GET
    @RolesAllowed(Roles.EDITOR)
    public CitationAudit.Report report() {
        return audit.report();
    }

    @POST
    @Path("/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    public CitationAudit.ArticleCheck articles(@Valid @NotNull ArticleCheckRequest request) {
        return audit.check(request.articles());
    }
}
