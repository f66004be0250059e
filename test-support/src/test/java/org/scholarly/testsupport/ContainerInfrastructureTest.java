package org.scholarly.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scholarly.stack.PostgresServer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The container path really brings PostgreSQL 16 and a KRaft broker, and a database of its own per caller. */
@RequiresDocker
class ContainerInfrastructureTest {

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    @BeforeAll
    static void start() {
        postgres = ContainerServers.startPostgres();
        kafka = ContainerServers.startKafka();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void postgresIsVersion16AndGivesEachCallerADatabase() throws Exception {
        String url = PostgresServer.createDatabaseIfMissing(postgres.getJdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD, "own_db");
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            version.next();
            assertThat(version.getString(1)).startsWith("16.");
            assertThat(connection.getCatalog()).isEqualTo("own_db");
        }
    }

    @Test
    void kafkaCreatesAndListsTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("probe", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("probe");
        }
    }
}
