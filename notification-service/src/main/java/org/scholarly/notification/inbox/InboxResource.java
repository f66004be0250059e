package org.scholarly.notification.inbox;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.Page;
import org.scholarly.notification.paging.PageRequest;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService service;
    private final SecurityIdentity identity;

    public InboxResource(InboxService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"reader", "editor"})
    public Page<InboxMessageView> list(@QueryParam("recipient") String recipient, @QueryParam("unread") boolean unread,
                                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return service.list(identity, recipient, unread, PageRequest.of(limit, cursor));
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({"reader", "editor"})
    public InboxMessageView markRead(@PathParam("id") String id) {
        return service.markRead(identity, Ids.inPath(id, "inbox message"));
    }
}
