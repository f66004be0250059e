package org.scholarly.notification.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.scholarly.support.problem.ProblemMappers;

/**
 * Quarkus ships a mapper for Jackson's {@link MismatchedInputException} (unknown or server-owned fields, wrong
 * types) that is more specific than the shared problem mapper and answers plain JSON; this one answers
 * {@code application/problem+json} naming the field, like every other error.
 */
public class RequestBodyProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
