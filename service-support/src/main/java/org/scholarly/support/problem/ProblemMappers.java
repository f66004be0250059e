package org.scholarly.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.scholarly.support.body.BodyTooLargeException;
import org.scholarly.support.messaging.ConsumerFailures;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json} with the right status and no stack trace.
 * Unexpected errors are logged with an id that the response repeats, so an operator can find them.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = builder(e.status(), e.title(), e.getMessage(), uri, e.errors());
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(400, "Invalid fields", errors.size() + " field(s) are invalid", uri, errors);
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyTooLargeException e, UriInfo uri) {
        return respond(413, "Content too large", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof BodyTooLargeException tooLarge) {
            // A parser that wrapped the cap it ran into: the body is too large, not malformed.
            return tooLarge(tooLarge, uri);
        }
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String detail = "The body is not valid JSON for this resource: " + firstLine(e.getOriginalMessage());
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, firstLine(e.getOriginalMessage())));
        return respond(400, "Malformed request body", detail, uri, errors);
    }

    /**
     * Quarkus REST ships a mapper for this subtype (an unknown or server-owned field, a wrong type, an unknown enum
     * value) that answers plain JSON; naming it here, ahead of that one, keeps those 400s in problem+json too.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (status == 404 && e.getCause() instanceof NumberFormatException) {
            // JAX-RS answers a numeric query parameter it cannot convert ("?year=abc") with 404, as if the resource
            // did not exist; it is the request that is wrong. Listings read limit as text and name it (Paging).
            return respond(400, "Bad request", "A numeric parameter is not a number", uri, List.of());
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = status == 404 ? "No such resource" : e.getMessage();
        Response.ResponseBuilder builder = builder(status, title, detail, uri, List.of());
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return builder(401, "Unauthorized", "A valid bearer token is required", uri, List.of())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "Forbidden", "Your token's roles do not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (ConsumerFailures.transientDatabaseFailure(e)) {
            // A database restart or a full pool passes: tell the client to come back instead of reporting a fault.
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), e.getMessage());
            return builder(503, "Service unavailable", "The database is unavailable for a moment; retry after "
                    + RETRY_AFTER_SECONDS + " s", uri, List.of()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return respond(500, "Internal error", "Something went wrong on our side; quote error id " + id, uri, List.of());
    }

    static Response respond(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return builder(status, title, detail, uri, errors).build();
    }

    static Response.ResponseBuilder builder(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.arg0.titles" -> "titles": the method and parameter parts mean nothing to a client.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
