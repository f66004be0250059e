package org.scholarly.support.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * Applies the rate limit to every write on every endpoint of the service, so that a new endpoint is limited without
 * anyone remembering to call the limiter. Request filters run after the security check of the endpoint and before
 * its body is read: an anonymous or unauthorised write has already been refused, and a refused write costs no
 * upload.
 */
public class WriteRateLimitFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    RateLimiter limiter;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> limitWrites(ContainerRequestContext request, ResourceInfo resource) {
        if (!WRITES.contains(request.getMethod()) || Reads.isRead(request.getMethod(), resource.getResourceMethod())) {
            return Uni.createFrom().voidItem();
        }
        // Deferred: authentication is lazy (quarkus.http.auth.proactive=false); this resolves it if nothing has yet.
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.isAnonymous()) {
                limiter.acquireWrite(identity.getPrincipal().getName());
            }
        }).replaceWithVoid();
    }
}
