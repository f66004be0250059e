package org.scholarly.catalog.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.scholarly.catalog.article.ArticleView;
import org.scholarly.catalog.article.IfMatch;
import org.scholarly.catalog.common.Caller;
import org.scholarly.support.security.Roles;

import java.util.UUID;

@Path("/api/v1/articles/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    @Inject
    WorkflowService workflow;
    @Inject
    Caller caller;

    /** Applies {action, comment}; answers the article at its new version, or 409 when the action is not allowed now. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @APIResponse(responseCode = "200", description = "The article at its new version; ETag is that version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "409", description = "The action is not allowed in the article's current state")
    @APIResponse(responseCode = "412", description = "If-Match names another version")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull TransitionRequest request) {
        ArticleView article = workflow.transition(id, request, IfMatch.version(ifMatch), caller.subject());
        return Response.ok(article).tag(Long.toString(article.version())).build();
    }
}
