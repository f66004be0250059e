package org.scholarly.support.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The write rate limit every service applies per token subject. */
@ConfigMapping(prefix = "scholarly.rate-limit")
public interface RateLimitConfig {

    /** Off only for load tests that measure the service itself rather than its protection. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained writes (POST, PUT, PATCH, DELETE) per token subject. */
    @WithDefault("50")
    double writesPerSecond();

    /** Writes a client may make at once after being idle. */
    @WithDefault("200")
    int burst();
}
