package org.scholarly.bench;

import org.scholarly.stack.JwtIssuer;
import org.scholarly.stack.LocalStack;
import org.scholarly.stack.PostgresServer;
import org.scholarly.stack.ServiceProcess;
import org.scholarly.stack.StackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform under measurement: either a stack this run starts on free ports (its own data directory, so that
 * every run begins empty) or one that is already running, given by its coordinates.
 */
public final class Platform implements AutoCloseable {

    private final LocalStack stack;
    private final Path logs;
    private final String catalogUrl;
    private final String citationUrl;
    private final String kafkaBootstrap;
    private final String adminJdbcUrl;
    private final JwtIssuer issuer;

    private Platform(LocalStack stack, Path logs, String catalogUrl, String citationUrl, String kafkaBootstrap, String adminJdbcUrl,
                     JwtIssuer issuer) {
        this.stack = stack;
        this.logs = logs;
        this.catalogUrl = catalogUrl;
        this.citationUrl = citationUrl;
        this.kafkaBootstrap = kafkaBootstrap;
        this.adminJdbcUrl = adminJdbcUrl;
        this.issuer = issuer;
    }

    public static Platform embedded(Path home, Path repositoryRoot) {
        StackSettings settings = StackSettings.freePorts(home, repositoryRoot, System.getProperty("java.class.path"),
                // The read-latency phase reads anonymously from one address at a chosen rate: measure the service,
                // not its per-address limit.
                Map.of("QUARKUS_MAILER_MOCK", "true", "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READS_PER_SECOND", "100000",
                        "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READ_BURST", "100000"));
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-benchmark-stack"));
        stack.startInfrastructure().startServices();
        return new Platform(stack, home.resolve("logs"), stack.service("catalog-service").baseUrl(), stack.service("citation-service").baseUrl(),
                stack.kafka().bootstrapServers(), stack.postgres().jdbcUrl("postgres"), stack.jwtIssuer());
    }

    public static Platform external(BenchmarkOptions.External external) {
        return new Platform(null, null, external.catalogUrl(), external.citationUrl(), external.kafkaBootstrap(), external.adminJdbcUrl(),
                JwtIssuer.loadOrCreate(external.jwtKeys(), JwtIssuer.LOCAL_ISSUER));
    }

    public boolean isEmbedded() {
        return stack != null;
    }

    public String catalogUrl() {
        return catalogUrl;
    }

    public String citationUrl() {
        return citationUrl;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String adminJdbcUrl() {
        return adminJdbcUrl;
    }

    public String databaseUser() {
        return PostgresServer.USER;
    }

    public String databasePassword() {
        return PostgresServer.PASSWORD;
    }

    public String token(String subject, String role) {
        return issuer.token(subject, List.of(role), Duration.ofHours(6));
    }

    /** Peak resident set size per service, in KiB; empty for an external stack (its processes are not ours to read). */
    public Map<String, Long> peakRssKb() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        if (stack != null) {
            for (ServiceProcess service : stack.services()) {
                peaks.put(service.name(), service.isRunning() ? ProcessMemory.peakRssKb(service.pid()) : -1);
            }
        }
        return peaks;
    }

    /** Whether every service process this run started is still alive (an out-of-memory death shows here). */
    public Map<String, Boolean> servicesAlive() {
        Map<String, Boolean> alive = new LinkedHashMap<>();
        if (stack != null) {
            stack.services().forEach(service -> alive.put(service.name(), service.isRunning()));
        }
        return alive;
    }

    /** Services whose log reports an {@code OutOfMemoryError}; a JVM can survive one and still be broken. */
    public List<String> outOfMemory() {
        List<String> failed = new ArrayList<>();
        if (stack != null) {
            for (ServiceProcess service : stack.services()) {
                Path log = logs.resolve(service.name() + ".log");
                try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                    if (lines.anyMatch(line -> line.contains("OutOfMemoryError"))) {
                        failed.add(service.name());
                    }
                } catch (IOException | UncheckedIOException e) {
                    failed.add(service.name() + " (log unreadable: " + e.getMessage() + ")");
                }
            }
        }
        return failed;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
