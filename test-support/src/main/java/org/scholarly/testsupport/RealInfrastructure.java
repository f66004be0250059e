package org.scholarly.testsupport;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.scholarly.stack.JwtIssuer;
import org.scholarly.stack.PostgresServer;
import org.scholarly.testsupport.InfrastructureChoice.Source;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.UUID;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, started on first use on free ports and
 * stopped when the JVM exits. Every caller gets a database of its own, so test runs never share state.
 *
 * <p>Where they come from is decided once per JVM ({@link InfrastructureChoice}): {@code TEST_DATABASE_URL} (an admin
 * JDBC URL, with {@code TEST_DATABASE_USER}/{@code TEST_DATABASE_PASSWORD}) and {@code TEST_KAFKA_BOOTSTRAP_SERVERS}
 * name servers that already run; otherwise Testcontainers starts them where a Docker engine answers; otherwise they
 * are the embedded servers. {@code -Dtest.infra=external|containers|embedded} forces one path.
 */
public final class RealInfrastructure {

    private static InfrastructureChoice choice;
    private static PostgresServer postgres;
    private static PostgreSQLContainer postgresContainer;
    private static KafkaClusterTestKit kafka;
    private static KafkaContainer kafkaContainer;
    private static JwtIssuer jwtIssuer;
    private static Path kafkaDirectory;

    private RealInfrastructure() {
    }

    /** Which servers this JVM's tests use; printed once, so every test run says which path it ran on. */
    public static synchronized InfrastructureChoice choice() {
        if (choice == null) {
            choice = InfrastructureChoice.current();
            System.out.println("[test infrastructure] " + choice.describe());
        }
        return choice;
    }

    /** A fresh, empty database named after {@code prefix}; returns its JDBC URL. */
    public static synchronized String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        return switch (choice().postgres()) {
            case EXTERNAL -> PostgresServer.createDatabaseIfMissing(System.getenv(InfrastructureChoice.DATABASE_URL),
                    databaseUser(), databasePassword(), name);
            case CONTAINERS -> {
                if (postgresContainer == null) {
                    postgresContainer = ContainerServers.startPostgres();
                }
                yield PostgresServer.createDatabaseIfMissing(postgresContainer.getJdbcUrl(), databaseUser(), databasePassword(), name);
            }
            case EMBEDDED -> {
                if (postgres == null) {
                    postgres = PostgresServer.startEphemeral();
                    Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
                }
                yield postgres.createDatabaseIfMissing(name);
            }
        };
    }

    /** The superuser of the test server: the container and the embedded server both use the embedded defaults. */
    public static String databaseUser() {
        return choice().postgres() == Source.EXTERNAL ? envOr("TEST_DATABASE_USER", PostgresServer.USER) : PostgresServer.USER;
    }

    public static String databasePassword() {
        return choice().postgres() == Source.EXTERNAL ? envOr("TEST_DATABASE_PASSWORD", PostgresServer.PASSWORD) : PostgresServer.PASSWORD;
    }

    public static synchronized String kafkaBootstrapServers() {
        return switch (choice().kafka()) {
            case EXTERNAL -> System.getenv(InfrastructureChoice.KAFKA_SERVERS);
            case CONTAINERS -> {
                if (kafkaContainer == null) {
                    kafkaContainer = ContainerServers.startKafka();
                }
                yield kafkaContainer.getBootstrapServers();
            }
            case EMBEDDED -> {
                if (kafka == null) {
                    kafka = startKafka();
                    Runtime.getRuntime().addShutdownHook(new Thread(RealInfrastructure::stopKafka, "stop-test-kafka"));
                }
                yield kafka.bootstrapServers();
            }
        };
    }

    /** The key pair the tests sign tokens with; the services under test trust its public key. */
    public static synchronized JwtIssuer jwtIssuer() {
        if (jwtIssuer == null) {
            jwtIssuer = JwtIssuer.generate("https://scholarly.test/issuer");
        }
        return jwtIssuer;
    }

    private static KafkaClusterTestKit startKafka() {
        try {
            kafkaDirectory = Files.createTempDirectory("scholarly-test-kafka");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(kafkaDirectory)
                    .build())
                    // Deleted by stopKafka after the broker has closed, not by a hook racing with it.
                    .setDeleteOnClose(false)
                    // One node: internal topics must not wait for replicas that will never exist,
                    // and a new consumer group must not wait 3 s for more members.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("The test Kafka broker did not start", e);
        }
    }

    private static void stopKafka() {
        try {
            kafka.close();
        } catch (Exception e) {
            // The JVM is exiting; a broker that does not close cleanly loses nothing a later run needs.
        }
        try (Stream<Path> files = Files.walk(kafkaDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary directory; nothing reads it again.
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
