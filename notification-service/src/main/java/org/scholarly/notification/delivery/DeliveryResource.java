package org.scholarly.notification.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.problem.ProblemException;
import org.scholarly.support.security.Roles;

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
    @RolesAllowed(Roles.EDITOR)
    public Page<DeliveryView> list(@QueryParam("subscriptionId") String subscriptionId, @QueryParam("status") String status,
                                   @BeanParam PageParams page) {
        return service.list(Ids.parseOptional("subscriptionId", subscriptionId), status(status), PageRequest.of(page));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    public DeliveryView get(@PathParam("id") String id) {
        return service.get(Ids.inPath(id, "delivery"));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "202", description = "The delivery is due again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
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
