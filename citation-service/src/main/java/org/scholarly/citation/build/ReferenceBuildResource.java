package org.scholarly.citation.build;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.support.security.Roles;

import java.util.UUID;

/** Reference-building campaigns: "References for papers published after 2023 are currently being built". */
@Path("/api/v1/reference-builds")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceBuildResource {

    @Inject
    ReferenceBuildService builds;
    @Inject
    SecurityIdentity identity;

    /** 202: the articles are BUILDING now; the work happens in the background. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "202", description = "Accepted; Location names the campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceBuildView.class)))
    public Response start(@Valid ReferenceBuildRequest request, @Context UriInfo uri) {
        ReferenceBuildView view = builds.start(request == null ? new ReferenceBuildRequest(null, null, null, null) : request,
                identity.getPrincipal().getName());
        return Response.accepted(view).location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build();
    }

    /** Editors see who requested the campaign; anyone else the same progress without that token subject. */
    @GET
    @Path("/{id}")
    @PermitAll
    @APIResponse(responseCode = "200", description = "ReferenceBuildView for editors, ReferenceBuildPublicView for anyone else",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = {ReferenceBuildView.class, ReferenceBuildPublicView.class})))
    public ReferenceBuildProgress get(@PathParam("id") UUID id) {
        ReferenceBuildView view = builds.get(id);
        return isEditor() ? view : ReferenceBuildPublicView.of(view);
    }

    private boolean isEditor() {
        return !identity.isAnonymous() && identity.hasRole(Roles.EDITOR);
    }
}
