package org.scholarly.catalog.journal;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.common.Caller;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.security.Roles;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/journals")
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

    @Inject
    JournalService journals;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "Created; Location names the journal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JournalView.class)))
    @APIResponse(responseCode = "409", description = "A journal with the ISSN already exists")
    public Response create(@Valid @NotNull JournalInput input) {
        JournalView journal = journals.create(input, caller.subject());
        return Response.created(URI.create("/api/v1/journals/" + journal.id())).entity(journal).build();
    }

    @GET
    @PermitAll
    public Page<JournalView> list(@BeanParam PageParams page) {
        return journals.list(page);
    }

    /** Editors get {@link JournalView}; anyone else {@link JournalPublicView}, without what only editors may read. */
    @GET
    @Path("/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The journal: JournalView for editors, JournalPublicView for anyone else",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {JournalView.class, JournalPublicView.class})))
    public JournalDetail get(@PathParam("id") UUID id) {
        return journals.get(id, caller.isEditor());
    }

    /** Changes the accreditation status; every change stays in the dated history. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    public JournalView changeAccreditation(@PathParam("id") UUID id, @Valid @NotNull AccreditationPatch patch) {
        return journals.changeAccreditation(id, patch, caller.subject());
    }
}
