package org.scholarly.bench;

import org.scholarly.stack.JwtIssuer;
import org.scholarly.stack.LocalStack;
import org.scholarly.stack.Ports;
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

    static final String CITATION = "citation-service";

    private final LocalStack stack;
    private final Path logs;
    private final String catalogUrl;
    private final List<String> citationUrls;
    private final String kafkaBootstrap;
    private final String adminJdbcUrl;
    private final JwtIssuer issuer;
    private final Thread shutdownHook;

    private Platform(LocalStack stack, Path logs, String catalogUrl, List<String> citationUrls, String kafkaBootstrap,
                     String adminJdbcUrl, JwtIssuer issuer, Thread shutdownHook) {
        this.stack = stack;
        this.logs = logs;
        this.catalogUrl = catalogUrl;
        this.citationUrls = List.copyOf(citationUrls);
        this.kafkaBootstrap = kafkaBootstrap;
        this.adminJdbcUrl = adminJdbcUrl;
        this.issuer = issuer;
        this.shutdownHook = shutdownHook;
    }

    /**
     * A fresh stack on free ports with {@code citationInstances} citation-service processes: each its own JVM and
     * HTTP port, all on the one citation database and in the one consumer group, as a second replica would run.
     */
    public static Platform embedded(Path home, Path repositoryRoot, int citationInstances) {
        StackSettings settings = StackSettings.freePorts(home, repositoryRoot, System.getProperty("java.class.path"),
                // The read-latency phase reads anonymously from one address at a chosen rate: measure the service,
                // not its per-address limit.
                Map.of("QUARKUS_MAILER_MOCK", "true", "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READS_PER_SECOND", "100000",
                        "SCHOLARLY_RATE_LIMIT_ANONYMOUS_READ_BURST", "100000"));
        LocalStack stack = new LocalStack(settings);
        // Registered before anything starts: an interrupted run must not leave JVMs behind.
        Thread shutdownHook = new Thread(stack::close, "stop-benchmark-stack");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        List<String> citationUrls = new ArrayList<>();
        try {
            stack.startInfrastructure().startServices();
            citationUrls.add(stack.service(CITATION).baseUrl());
            List<ServiceProcess> more = new ArrayList<>();
            for (int n = 1; n < citationInstances; n++) {
                more.add(stack.startService(CITATION, citationInstanceName(n), Ports.free(), Map.of()));
            }
            more.forEach(instance -> instance.awaitReady(stack.readyTimeout()));
            more.forEach(instance -> citationUrls.add(instance.baseUrl()));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new Platform(stack, home.resolve("logs"), stack.service("catalog-service").baseUrl(), citationUrls,
                stack.kafka().bootstrapServers(), stack.postgres().jdbcUrl("postgres"), stack.jwtIssuer(), shutdownHook);
    }

    public static Platform external(BenchmarkOptions.External external) {
        return new Platform(null, null, external.catalogUrl(), List.of(external.citationUrl()), external.kafkaBootstrap(),
                external.adminJdbcUrl(),
                JwtIssuer.loadOrCreate(external.jwtKeys(), JwtIssuer.LOCAL_ISSUER), null);
    }

    public boolean isEmbedded() {
        return stack != null;
    }

    public String catalogUrl() {
        return catalogUrl;
    }

    /** The first citation-service instance: the one every single-instance figure and the settling checks ask. */
    public String citationUrl() {
        return citationUrls.get(0);
    }

    /** Every citation-service instance, the first one first. */
    public List<String> citationUrls() {
        return citationUrls;
    }

    /** The instances' names, as their logs and the peak RSS figures name them, in the order of {@link #citationUrls}. */
    public List<String> citationInstanceNames() {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < citationUrls.size(); n++) {
            names.add(citationInstanceName(n));
        }
        return names;
    }

    /** "citation-service", then "citation-service-2", "citation-service-3"... */
    static String citationInstanceName(int index) {
        return index == 0 ? CITATION : CITATION + "-" + (index + 1);
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
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs anyway and finds the stack stopped.
            }
        }
    }
}
