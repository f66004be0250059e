package org.scholarly.notification.delivery;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code notification_deliveries_pending} and {@code notification_deliveries_failed}, counted in the database at
 * scrape time, so that every instance reports the same truth.
 */
@Startup
@ApplicationScoped
public class DeliveryMetrics {

    private static final Logger LOG = Logger.getLogger(DeliveryMetrics.class);

    private final AgroalDataSource dataSource;

    public DeliveryMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("notification.deliveries.pending", this, m -> m.count(DeliveryStatus.PENDING))
                .description("Deliveries waiting for their next attempt").register(registry);
        Gauge.builder("notification.deliveries.failed", this, m -> m.count(DeliveryStatus.FAILED))
                .description("Deliveries that gave up after their last attempt").register(registry);
    }

    double count(DeliveryStatus status) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM delivery WHERE status = ?")) {
            s.setString(1, status.name());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("Cannot count %s deliveries: %s", status, e.getMessage());
            return Double.NaN;
        }
    }
}
