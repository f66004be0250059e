package org.scholarly.citation.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.scholarly.support.problem.ProblemMappers;

/**
 * Quarkus REST maps Jackson's MismatchedInputException (an unknown field such as a server-owned {@code id}, a wrong
 * type) to plain JSON with a mapper more specific than the shared problem mappers; this one takes precedence so
 * that those 400s name the field in problem+json too.
 */
public class MismatchedJsonProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
