package org.scholarly.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine without Docker: a real PostgreSQL server holding the three service
 * databases, a real Kafka broker process, and the three services as separate JVMs. {@code ./stack} runs it
 * with fixed ports and a data directory that survives restarts; the system tests run it on free ports.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("catalog-service", "citation-service", "notification-service");
    private static final Map<String, String> DATABASE_BY_SERVICE = Map.of(
            "catalog-service", "catalog", "citation-service", "citation", "notification-service", "notification");

    private final StackSettings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private JwtIssuer jwtIssuer;
    private String webhookSecretKey;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    public LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public LocalStack startInfrastructure() {
        try {
            Files.createDirectories(settings.home().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = PostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort());
        DATABASE_BY_SERVICE.values().forEach(postgres::createDatabaseIfMissing);
        kafka = new KafkaBroker(settings.home().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.kafkaClasspath()).start();
        jwtIssuer = JwtIssuer.loadOrCreate(settings.home().resolve("keys"), JwtIssuer.LOCAL_ISSUER);
        webhookSecretKey = WebhookSecretKey.loadOrCreate(settings.home().resolve("keys"));
        return this;
    }

    /** Starts every service and waits until each is ready. */
    public LocalStack startServices() {
        SERVICES.forEach(this::startService);
        services.values().forEach(service -> service.awaitReady(settings.readyTimeout()));
        return this;
    }

    public ServiceProcess startService(String name) {
        return startService(name, name, settings.portOf(name), Map.of());
    }

    /** Starts another instance of a service, e.g. a second citation-service in the same consumer group. */
    public ServiceProcess startService(String name, String instance, int port, Map<String, String> extraEnvironment) {
        Map<String, String> environment = new HashMap<>(environmentFor(name));
        environment.putAll(extraEnvironment);
        ServiceProcess service = new ServiceProcess(instance,
                settings.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), port,
                environment, settings.home().resolve("logs").resolve(instance + ".log"), settings.jvmOptions()).start();
        services.put(instance, service);
        return service;
    }

    public Map<String, String> environmentFor(String service) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(DATABASE_BY_SERVICE.get(service)));
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("MP_JWT_VERIFY_ISSUER", jwtIssuer.issuer());
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", settings.home().resolve("keys/public.pem").toAbsolutePath().toString());
        if (service.equals("notification-service")) {
            environment.put("NOTIFICATION_WEBHOOK_SECRET_KEY", webhookSecretKey);
        }
        // One developer's machine, on loopback: metrics and Swagger UI open as in dev (the drills and the benchmark
        // read /q/metrics). Production keeps the default, which needs an ops token.
        environment.put("SCHOLARLY_MANAGEMENT_PUBLIC", "true");
        environment.putAll(settings.extraEnvironment());
        return environment;
    }

    /** Stops PostgreSQL (fast shutdown, as an operator's restart) and starts it again on the same data and port. */
    public void restartPostgres() {
        postgres.close();
        postgres = PostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort());
    }

    /** Stops PostgreSQL, leaves it down for {@code downtime} (an outage, not a quick restart), then starts it again. */
    public void stopPostgresFor(Duration downtime) {
        postgres.close();
        Ports.sleep(downtime.toMillis());
        postgres = PostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort());
    }

    /** SIGKILL to the broker, then the same broker on the same data directory after {@code downtime}. */
    public void killAndRestartKafka(Duration downtime) {
        kafka.kill();
        Ports.sleep(downtime.toMillis());
        kafka.start();
    }

    public ServiceProcess service(String instance) {
        return services.get(instance);
    }

    public List<ServiceProcess> services() {
        return new ArrayList<>(services.values());
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public JwtIssuer jwtIssuer() {
        return jwtIssuer;
    }

    public long[] pids() {
        List<Long> pids = new ArrayList<>();
        services.values().stream().filter(ServiceProcess::isRunning).forEach(s -> pids.add(s.pid()));
        if (kafka != null && kafka.isRunning()) {
            pids.add(kafka.pid());
        }
        return pids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Services first (so they flush their outboxes and commit offsets), then the broker, then the database. */
    @Override
    public void close() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    public Duration readyTimeout() {
        return settings.readyTimeout();
    }
}
