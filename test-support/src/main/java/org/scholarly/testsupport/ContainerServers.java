package org.scholarly.testsupport;

import org.scholarly.stack.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka in containers, from the images docker-compose.yml deploys (a test keeps the two in step).
 * Testcontainers removes them when the JVM exits.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:16";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private ContainerServers() {
    }

    /** The same superuser as the embedded server, so DatabaseOutage and the tests' admin connections work alike. */
    static PostgreSQLContainer startPostgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName("postgres")
                .withUsername(PostgresServer.USER)
                .withPassword(PostgresServer.PASSWORD)
                // As the embedded server: every test class of a module keeps its application's pool open.
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        postgres.start();
        return postgres;
    }

    /** A single KRaft node, configured as the embedded broker is. */
    static KafkaContainer startKafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        kafka.start();
        return kafka;
    }
}
