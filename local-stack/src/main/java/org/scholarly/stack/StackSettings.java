package org.scholarly.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the stack keeps its data and which ports it uses.
 *
 * @param home            data directory (PostgreSQL, Kafka, keys, logs); survives restarts
 * @param repositoryRoot  the checkout, to find each service's built jar
 * @param kafkaClasspath  classpath of the broker JVM
 */
public record StackSettings(
        Path home,
        Path repositoryRoot,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        Map<String, Integer> servicePorts,
        String kafkaClasspath,
        List<String> jvmOptions,
        Map<String, String> extraEnvironment,
        Duration readyTimeout) {

    public static final int CATALOG_PORT = 8081;
    public static final int CITATION_PORT = 8082;
    public static final int NOTIFICATION_PORT = 8083;

    /** The fixed ports that {@code ./stack up} documents. */
    public static StackSettings localDefaults(Path home, Path repositoryRoot) {
        return new StackSettings(home, repositoryRoot, 15432, 19092, 19093,
                Map.of("catalog-service", CATALOG_PORT, "citation-service", CITATION_PORT, "notification-service", NOTIFICATION_PORT),
                System.getProperty("java.class.path"),
                List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"),
                Map.of("QUARKUS_MAILER_MOCK", "true"),
                Duration.ofMinutes(3));
    }

    /** Free ports everywhere, so that a test run never collides with a running ./stack. */
    public static StackSettings freePorts(Path home, Path repositoryRoot, String kafkaClasspath, Map<String, String> extraEnvironment) {
        return new StackSettings(home, repositoryRoot, Ports.free(), Ports.free(), Ports.free(),
                Map.of("catalog-service", Ports.free(), "citation-service", Ports.free(), "notification-service", Ports.free()),
                kafkaClasspath, List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"), extraEnvironment, Duration.ofMinutes(3));
    }

    public int portOf(String service) {
        return servicePorts.get(service);
    }
}
