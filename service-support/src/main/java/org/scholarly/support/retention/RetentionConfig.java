package org.scholarly.support.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

/**
 * How long each service keeps the rows that only exist to make retries and redeliveries harmless, and how it prunes
 * them. The periods are per kind of row, named by each service's {@link RetentionPlan}
 * ({@code scholarly.retention.keep.<name>=30d}); a rule whose period is not configured stops the service at start.
 */
@ConfigMapping(prefix = "scholarly.retention")
public interface RetentionConfig {

    /** Off leaves every row in place (for example while investigating an incident). */
    @WithDefault("true")
    boolean enabled();

    /** How often the prune runs; each run deletes everything past its period, a batch at a time. */
    @WithDefault("1h")
    Duration every();

    /**
     * Rows per DELETE statement, each its own transaction: no prune holds a lock on many rows, or for long, however
     * much has accumulated.
     */
    @WithDefault("1000")
    int batchSize();

    /** Period per rule name: rows older than this are deleted. */
    Map<String, Duration> keep();
}
