package org.scholarly.support.body;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.scholarly.support.problem.ProblemException;

/**
 * Refuses bodies above {@code scholarly.body-limit.max-bytes} with a 413 problem detail. The HTTP layer's own limit
 * answers a bare 413 without a body; this one sits below it so that clients get the same error format as for
 * every other refusal. Runs before the body is read: a declared length is refused without reading a byte, a
 * chunked body is counted as it is read and refused ({@link BodyTooLargeException}, mapped to 413 by
 * {@code ProblemMappers}) once it passes the cap.
 */
public class BodyLimitFilter {

    // A provider: filters are built while the application starts, before its runtime configuration exists.
    @Inject
    Provider<BodyLimitConfig> configs;

    @ServerRequestFilter
    public void limitBody(ContainerRequestContext request) {
        BodyLimitConfig config = configs.get();
        if (config.maxBytes().isEmpty()) {
            return;
        }
        long max = config.maxBytes().get().asLongValue();
        int declared = request.getLength();
        if (declared > max) {
            throw ProblemException.tooLarge("The body has " + declared + " bytes; at most " + max + " are accepted");
        }
        if (declared < 0 && request.getHeaderString("Transfer-Encoding") != null) {
            request.setEntityStream(new LimitedInputStream(request.getEntityStream(), max));
        }
    }
}
