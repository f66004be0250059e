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
    @RolesAllowed("editor")
    public Response start(@Valid ReferenceBuildRequest request, @Context UriInfo uri) {
        ReferenceBuildView view = builds.start(request == null ? new ReferenceBuildRequest(null, null, null, null) : request,
                identity.getPrincipal().getName());
        return Response.accepted(view).location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public ReferenceBuildView get(@PathParam("id") UUID id) {
        return builds.get(id);
    }
}
