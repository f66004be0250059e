package org.scholarly.notification.inbox;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.scholarly.notification.paging.Ids;
import org.scholarly.notification.paging.PageRequest;
import org.scholarly.support.paging.Page;
import org.scholarly.support.paging.PageParams;
import org.scholarly.support.security.Roles;

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
    @RolesAllowed({Roles.READER, Roles.EDITOR})
    public Page<InboxMessageView> list(@QueryParam("recipient") String recipient, @QueryParam("unread") boolean unread,
                                       @BeanParam PageParams page) {
        return service.list(identity, recipient, unread, PageRequest.of(page));
    }

    @POST
    @Path("{id}/read")
    @RolesAllowed({Roles.READER, Roles.EDITOR})
    public InboxMessageView markRead(@PathParam("id") String id) {
        return service.markRead(identity, Ids.inPath(id, "inbox message"));
    }
}
