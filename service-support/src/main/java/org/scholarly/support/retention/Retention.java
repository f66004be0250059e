package org.scholarly.support.retention;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the service's {@link RetentionPlan} on a schedule: for each rule, rows older than its period are deleted in
 * bounded batches. Several instances may prune at once; a row deleted twice is deleted once. Counted in
 * {@code retention_pruned_total{rule}}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    @Inject
    RetentionConfig config;
    @Inject
    Instance<RetentionPlan> plans;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    /** A period that is missing or not positive is a configuration error: found at start, not at the first prune. */
    void checkPeriods(@Observes StartupEvent start) {
        for (RetentionRule rule : rules()) {
            period(rule);
        }
        if (config.batchSize() < 1) {
            throw new IllegalStateException("scholarly.retention.batch-size must be at least 1");
        }
    }

    @Scheduled(every = "${scholarly.retention.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.enabled()) {
            try {
                pruneNow();
            } catch (RuntimeException e) {
                // The next run tries again; nothing is lost by pruning late.
                LOG.warnf("Retention prune failed, next run in %s: %s", config.every(), e.getMessage());
            }
        }
    }

    /** Prunes every rule once, now; returns rows deleted per rule. */
    public Map<String, Long> pruneNow() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (RetentionRule rule : rules()) {
                long rows = BatchedDelete.run(c, rule, now.minus(period(rule)), config.batchSize());
                deleted.put(rule.name(), rows);
                if (rows > 0) {
                    registry.counter("retention_pruned_total", "rule", rule.name()).increment(rows);
                    LOG.infof("Pruned %d %s older than %s", rows, rule.name(), period(rule));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Retention prune failed: " + e.getMessage(), e);
        }
        return deleted;
    }

    private List<RetentionRule> rules() {
        return plans.stream().flatMap(plan -> plan.rules().stream()).toList();
    }

    private Duration period(RetentionRule rule) {
        Duration period = config.keep().get(rule.period());
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalStateException("scholarly.retention.keep." + rule.period() + " must be a positive duration (rule "
                    + rule.name() + ")");
        }
        return period;
    }
}
