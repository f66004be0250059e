package org.scholarly.notification.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.security.Roles;

@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SecurityIdentity identity;

    public SubscriptionResource(SubscriptionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** A webhook subscription's secret is in this response and nowhere else, ever. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "201", description = "Created; Location names the subscription, the body holds its webhook secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = service.create(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.EDITOR)
    public Page<SubscriptionView> list(@BeanParam PageParams page) {
        return service.list(PageRequest.of(page));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public SubscriptionView get(@PathParam("id") String id) {
        return service.get(Ids.inPath(id, "subscription"));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        service.delete(Ids.inPath(id, "subscription"));
        return Response.noContent().build();
    }
}
