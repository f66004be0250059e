package org.scholarly.support.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;


/**
 * Limits reads (GET, HEAD, and {@link ReadOnly} endpoints) by callers without a token, per client address, on every
 * endpoint of the service: public reads are
 * the only calls anyone can make without being known, so they are what one client could use to exhaust the database
 * pool. Like the write limit it runs after the endpoint's security check (an anonymous read of a protected endpoint
 * has already been refused with 401).
 * <p>
 * The address is the connection's peer, or the client named by {@code Forwarded} / {@code X-Forwarded-For} when
 * {@code quarkus.http.proxy.proxy-address-forwarding=true} (set it only behind a proxy that overwrites those
 * headers, or any client can choose its own bucket).
 */
public class AnonymousReadRateLimitFilter {

    @Inject
    RateLimiter limiter;
    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> limitAnonymousReads(ContainerRequestContext request, HttpServerRequest http, ResourceInfo resource) {
        if (!Reads.isRead(request.getMethod(), resource.getResourceMethod())) {
            return Uni.createFrom().voidItem();
        }
        // Deferred: authentication is lazy (quarkus.http.auth.proactive=false); this resolves it if nothing has yet.
        return identities.getDeferredIdentity().invoke(identity -> {
            if (identity.isAnonymous()) {
                limiter.acquireAnonymousRead(addressOf(http));
            }
        }).replaceWithVoid();
    }

    private static String addressOf(HttpServerRequest http) {
        SocketAddress peer = http.remoteAddress();
        if (peer == null) {
            return "unknown";
        }
        return peer.hostAddress() != null ? peer.hostAddress() : peer.host();
    }
}
