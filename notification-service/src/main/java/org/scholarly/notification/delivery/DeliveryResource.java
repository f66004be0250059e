package org.scholarly.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.Page;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.support.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryService service;

    public DeliveryResource(DeliveryService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("editor")
    public Page<DeliveryView> list(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("status") String status,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(Ids.parseOptional("subscriptionId", subscriptionId), status(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("editor")
    public DeliveryView get(@PathParam("id") String id) {
        return service.get(Ids.inPath(id, "delivery"));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed("editor")
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(service.retry(Ids.inPath(id, "delivery"))).build();
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(DeliveryStatus.values()));
        }
    }
}
