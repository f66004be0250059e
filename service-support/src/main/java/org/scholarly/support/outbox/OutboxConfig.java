package org.scholarly.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "scholarly.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay. Several instances may: one at a time holds the lock and publishes. */
    @WithDefault("true")
    boolean enabled();

    /** Rows published per round trip. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when no notification arrives; a safety net, since NOTIFY wakes it at once. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Pause after a failure (broker or database unreachable) before the relay tries again. */
    @WithDefault("2s")
    Duration retryBackoff();

    /**
     * Fault drill only: halt the JVM after publishing a batch and before deleting its rows, so the batch goes out
     * twice after a restart. Never set in production.
     */
    @WithDefault("false")
    boolean haltAfterPublishForDrill();
}
