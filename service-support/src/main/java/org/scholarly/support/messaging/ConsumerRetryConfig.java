package org.scholarly.support.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How every consumer waits between attempts (see {@link ConsumerFailurePolicy}). */
@ConfigMapping(prefix = "scholarly.consumer.retry")
public interface ConsumerRetryConfig {

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("200ms")
    Duration initial();

    /**
     * The longest wait. Transient failures are retried without limit, so this bounds how long after the database or
     * broker comes back the consumer notices.
     */
    @WithDefault("5s")
    Duration maxDelay();

    /** Attempts at an event that fails for a reason neither transient nor the contract's, before it is dead-lettered. */
    @WithDefault("3")
    int unexpectedAttempts();
}
