package org.scholarly.catalog.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.scholarly.support.outbox.OutboxQuarantine;
import org.scholarly.support.security.Roles;

import java.util.List;

/**
 * Events of this service that Kafka refused for good and the outbox relay moved aside, so that operators see them
 * without database access. Editors only: the reasons name internal topics and sizes.
 */
@Path("/api/v1/outbox/quarantine")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxQuarantineResource {

    @Inject
    OutboxQuarantine quarantine;

    @GET
    @RolesAllowed(Roles.EDITOR)
    public List<OutboxQuarantine.Entry> latest(@QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String limit) {
        return quarantine.latest(OutboxQuarantine.pageSize(limit));
    }
}
