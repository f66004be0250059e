package org.scholarly.notification.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.Page;
import org.scholarly.notification.paging.PageRequest;

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
    @RolesAllowed("editor")
    public Response create(@Valid @NotNull SubscriptionRequest request, @Context UriInfo uri) {
        SubscriptionView created = service.create(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @GET
    @RolesAllowed("editor")
    public Page<SubscriptionView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("editor")
    public SubscriptionView get(@PathParam("id") String id) {
        return service.get(Ids.inPath(id, "subscription"));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    public Response delete(@PathParam("id") String id) {
        service.delete(Ids.inPath(id, "subscription"));
        return Response.noContent().build();
    }
}
