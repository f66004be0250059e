package org.scholarly.support.management;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.util.Set;

/** Who may read the management endpoints (metrics, OpenAPI document, Swagger UI); see {@link ManagementAccessPolicy}. */
@ConfigMapping(prefix = "scholarly.management")
public interface ManagementConfig {

    /** Open to anyone: the dev and test profiles and the local stack, which run on one developer's machine. */
    @WithName("public")
    @WithDefault("false")
    boolean open();

    /** Otherwise a token with one of these roles is needed (e.g. the Prometheus scraper's). */
    @WithDefault("ops")
    Set<String> roles();
}
