package org.scholarly.support.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The rate limits every service applies: writes per token subject, anonymous reads per client address. */
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

    /**
     * Sustained reads (GET, HEAD) per client address by callers without a token. Public reads cost database time
     * like writes do; a caller with a valid token is known and limited by its writes instead.
     */
    @WithDefault("50")
    double anonymousReadsPerSecond();

    /** Anonymous reads a client address may make at once after being idle. */
    @WithDefault("200")
    int anonymousReadBurst();
}
