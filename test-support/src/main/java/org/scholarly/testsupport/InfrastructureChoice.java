package org.scholarly.testsupport;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL and which Kafka the tests of this JVM use, in this order: the servers the {@code TEST_*}
 * variables name; containers started by Testcontainers where a Docker engine answers; the embedded servers
 * otherwise. {@code -Dtest.infra=external|containers|embedded} forces one path for both servers, and fails clearly
 * when that path cannot be had, instead of quietly testing against something else.
 */
public record InfrastructureChoice(Source postgres, Source kafka, String reason) {

    public static final String PROPERTY = "test.infra";
    static final String DATABASE_URL = "TEST_DATABASE_URL";
    static final String KAFKA_SERVERS = "TEST_KAFKA_BOOTSTRAP_SERVERS";

    public enum Source {
        EXTERNAL, CONTAINERS, EMBEDDED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The choice for this JVM: {@code -Dtest.infra}, the environment, and whether Docker answers. */
    static InfrastructureChoice current() {
        return of(System.getProperty(PROPERTY), System.getenv(), DockerEngine::answers, DockerEngine::reason);
    }

    /**
     * @param forced the value of {@code -Dtest.infra}, or null
     * @param docker asked only when a server is not external, since asking may take a moment
     */
    static InfrastructureChoice of(String forced, Map<String, String> env, BooleanSupplier docker,
                                   java.util.function.Supplier<String> dockerReason) {
        boolean externalDatabase = isSet(env.get(DATABASE_URL));
        boolean externalKafka = isSet(env.get(KAFKA_SERVERS));
        if (isSet(forced)) {
            Source path = parse(forced.trim());
            switch (path) {
                case EXTERNAL -> {
                    if (!externalDatabase || !externalKafka) {
                        throw new IllegalStateException("-D" + PROPERTY + "=external needs both " + DATABASE_URL
                                + " and " + KAFKA_SERVERS + " to name running servers; unset: "
                                + (externalDatabase ? "" : DATABASE_URL + " ") + (externalKafka ? "" : KAFKA_SERVERS));
                    }
                    return new InfrastructureChoice(path, path, "forced by -D" + PROPERTY);
                }
                case CONTAINERS -> {
                    if (!docker.getAsBoolean()) {
                        throw new IllegalStateException("-D" + PROPERTY + "=containers needs a Docker engine for "
                                + "Testcontainers, but " + dockerReason.get() + ". Start Docker, or leave out -D"
                                + PROPERTY + " to use the embedded servers.");
                    }
                    return new InfrastructureChoice(path, path, "forced by -D" + PROPERTY);
                }
                default -> {
                    return new InfrastructureChoice(path, path, "forced by -D" + PROPERTY);
                }
            }
        }
        if (externalDatabase && externalKafka) {
            return new InfrastructureChoice(Source.EXTERNAL, Source.EXTERNAL, "named by " + DATABASE_URL + " and " + KAFKA_SERVERS);
        }
        Source local = docker.getAsBoolean() ? Source.CONTAINERS : Source.EMBEDDED;
        return new InfrastructureChoice(externalDatabase ? Source.EXTERNAL : local, externalKafka ? Source.EXTERNAL : local,
                dockerReason.get());
    }

    /** The line every test run prints, so its output says which infrastructure it ran on. */
    String describe() {
        return "PostgreSQL: " + postgres.label() + (postgres == Source.CONTAINERS ? " (" + ContainerServers.POSTGRES_IMAGE + ")" : "")
                + ", Kafka: " + kafka.label() + (kafka == Source.CONTAINERS ? " (" + ContainerServers.KAFKA_IMAGE + ")" : "")
                + " — " + reason;
    }

    private static Source parse(String value) {
        try {
            return Source.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + value + " is not one of external, containers, embedded");
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
