package org.scholarly.support.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.scholarly.support.problem.Problem;

import java.util.ArrayList;
import java.util.Map;

/**
 * Writes into every service's OpenAPI document what ProblemMappers and the security configuration do for every
 * operation, so that no resource has to repeat it: the one {@code Problem} schema, the problem responses an
 * operation can give (400 when it takes parameters or a body, 401/403 when it needs a token, 404 on a path with an
 * id, 413/415 with a body, 429 and 503 always), and an explicit empty security requirement on public operations.
 * Error responses an operation declares itself (409, 412, 422...) get the problem body too.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getOperations().entrySet()) {
                describe(path, item, operation.getValue());
            }
        });
    }

    private static void describe(String path, PathItem item, Operation operation) {
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (operation.getSecurity() == null) {
            // Public on purpose: say so, rather than leave a reader to guess whether a requirement was forgotten.
            operation.setSecurity(new ArrayList<>());
        }
        boolean body = operation.getRequestBody() != null;
        boolean parameters = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (body || parameters) {
            problem(responses, "400", "The request is malformed or a field is invalid; errors name the fields");
        }
        if (secured) {
            problem(responses, "401", "No valid bearer token");
            problem(responses, "403", "The token's roles do not allow this operation");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource");
        }
        if (body) {
            problem(responses, "413", "The body is larger than this operation accepts");
            problem(responses, "415", "The body is not of a media type this operation reads");
        }
        problem(responses, "429", "Too many requests; see Retry-After");
        problem(responses, "500", "Unexpected error; the detail quotes an error id for the logs");
        problem(responses, "503", "The database is unavailable for a moment; see Retry-After");
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problemContent()));
        } else if (existing.getContent() == null) {
            existing.setContent(problemContent());
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }

    /** The shape of {@link Problem} as Jackson writes it (empty fields are left out). */
    private static Schema problemSchema() {
        Schema error = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("The field or parameter, e.g. references[2].doi"))
                .addProperty("message", string("What is wrong with it"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail, the body of every error response")
                .addProperty("type", string("Always about:blank: the status and title say it all"))
                .addProperty("title", string("Short summary of the status"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(error)
                        .description("One entry per invalid field, when the request failed validation"))
                .addRequired("type").addRequired("title").addRequired("status");
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
