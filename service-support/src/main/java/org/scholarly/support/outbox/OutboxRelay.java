package org.scholarly.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.scholarly.support.kafka.ReliableProducerSettings;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the outbox relay on a thread of its own with a dedicated database connection, which it needs anyway to
 * LISTEN for commits. Only the instance holding the advisory lock publishes, which keeps per-key order even when
 * several instances of a service run. Survives database and broker outages by reconnecting.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant will do; it only has to be the same for every instance sharing the database. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    OutboxBacklog backlog;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String applicationName;

    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter quarantinedTotal;

    void start(@Observes StartupEvent event) {
        Gauge.builder("outbox_backlog", backlog, OutboxBacklog::count)
                .description("Events written but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("outbox_oldest_age_seconds", backlog, OutboxBacklog::oldestAgeSeconds)
                .description("Age of the oldest event not yet acknowledged by Kafka").register(registry);
        published = Counter.builder("outbox_published_total").description("Events the relay published").register(registry);
        quarantinedTotal = Counter.builder("outbox_quarantined_total")
                .description("Events Kafka refused for good, moved from the outbox to outbox_quarantine").register(registry);
        Gauge.builder("outbox_quarantine_size", backlog, OutboxBacklog::quarantined)
                .description("Events held in outbox_quarantine").register(registry);
        if (!config.enabled()) {
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** The producer configuration exactly as the relay uses it. */
    public Map<String, Object> producerConfig() {
        return ReliableProducerSettings.forStrings(bootstrapServers, applicationName + "-outbox");
    }

    /** The same after Kafka applied its defaults: what the broker will actually see. */
    public ProducerConfig effectiveProducerConfig() {
        return new ProducerConfig(producerConfig());
    }

    private void run() {
        OutboxPublisher publisher = new OutboxPublisher(producer, config.batchSize());
        while (running) {
            try (Connection connection = connect()) {
                awaitLeadership(connection);
                listen(connection);
                LOG.infof("Outbox relay of %s is publishing", applicationName);
                while (running) {
                    OutboxPublisher.Round round = publisher.publishBatch(connection, this::haltIfDrilled);
                    published.increment(round.published());
                    round.quarantined().forEach(this::reportQuarantined);
                    if (round.removed() < config.batchSize()) {
                        awaitNotification(connection);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Outbox relay paused (%s); retrying in %s", e.getMessage(), config.retryBackoff());
                    sleep(config.retryBackoff().toMillis());
                }
            }
        }
    }

    /** Once per row: it has left the outbox for good, so this is the only time anyone is told. */
    private void reportQuarantined(QuarantinedRow row) {
        quarantinedTotal.increment();
        LOG.warnf("Outbox row %d (event %s, %s, key %s, %d bytes) can never be published to %s and was moved to "
                        + "outbox_quarantine: %s", row.id(), row.eventId(), row.eventType(), row.key(), row.payloadBytes(),
                row.topic(), row.reason());
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, username.orElse(null), password.orElse(null));
        connection.setAutoCommit(true);
        return connection;
    }

    private void awaitLeadership(Connection connection) throws SQLException {
        while (running) {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + RELAY_LOCK + ")")) {
                result.next();
                if (result.getBoolean(1)) {
                    return;
                }
            }
            sleep(config.pollInterval().toMillis());
        }
    }

    private static void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + Outbox.CHANNEL);
        }
    }

    private void awaitNotification(Connection connection) throws SQLException {
        // Returns as soon as a transaction that appended an event commits, or after the poll interval.
        connection.unwrap(PGConnection.class).getNotifications((int) config.pollInterval().toMillis());
    }

    private void haltIfDrilled() {
        if (config.haltAfterPublishForDrill()) {
            LOG.warn("Halting after publishing and before marking the batch sent (fault drill)");
            Runtime.getRuntime().halt(137);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
