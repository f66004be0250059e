package org.scholarly.catalog.common;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.scholarly.support.problem.ProblemMappers;

/**
 * Quarkus ships its own mapper for Jackson's MismatchedInputException (unknown field, wrong type, unknown enum
 * value) that answers plain JSON. This one wins over it, so those 400s are problem+json like every other error.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.unreadableJson(e, uri);
    }
}
