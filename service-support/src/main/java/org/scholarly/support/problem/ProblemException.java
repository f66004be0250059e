package org.scholarly.support.problem;

import java.time.Duration;
import java.util.List;

/** Thrown anywhere in a request to answer with a problem detail; the transaction around it rolls back. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, List.of(), null);
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid fields", errors.size() + " field(s) are invalid", errors, null);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of(), null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of(), null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(), null);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "Content too large", detail, List.of(), null);
    }

    /** 406: the detail names the media types the resource is offered as, so the client can ask for one of them. */
    public static ProblemException notAcceptable(String detail) {
        return new ProblemException(406, "Not acceptable", detail, List.of(), null);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(415, "Unsupported media type", detail, List.of(), null);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable content", detail, List.of(), null);
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "Too many requests", detail, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
