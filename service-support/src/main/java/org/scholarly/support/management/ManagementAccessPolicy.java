package org.scholarly.support.management;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The HTTP security policy {@code management}, which each service applies to {@code /q/metrics}, {@code /q/openapi}
 * and {@code /q/swagger-ui} ({@code quarkus.http.auth.permission.management.*}). Metrics name topics, tables and
 * consumer groups, and the API document lists every operation: they are for operators. Anonymous callers get 401,
 * callers without a role in {@code scholarly.management.roles} 403, unless {@code scholarly.management.public=true}.
 * <p>
 * Why a policy on the main port rather than the Quarkus management interface on a port of its own: whether that
 * interface exists is fixed when the jar is built, so the same jar could not serve the local stack, the drills and
 * the benchmark (which read metrics on the service's port) and production; and a Prometheus scraper can send a
 * token as easily as it can reach another port. Health ({@code /q/health}) stays open for probes.
 */
@ApplicationScoped
public class ManagementAccessPolicy implements HttpSecurityPolicy {

    @Inject
    ManagementConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        if (config.open()) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(id -> !id.isAnonymous() && config.roles().stream().anyMatch(id::hasRole)
                ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "management";
    }
}
