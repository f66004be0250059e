package org.scholarly.notification.events;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.notification.support.Api;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.testsupport.DatabaseOutage;
import org.scholarly.testsupport.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database outage well beyond the attempts the consumers used to allow (5 attempts, 6 s of backoff plus the failed
 * attempts themselves, about 10 s): they wait it out, and every event becomes its notification once the database is
 * back; nothing valid goes to a dead-letter topic.
 */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void waitsOutADatabaseOutageWithoutDeadLetteringAValidEvent() throws Exception {
        UUID journal = UUID.randomUUID();
        String recipient = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Api.subscribe("INBOX", recipient, List.of("submission.received", "workflow.decision"), journal, null, "en");
        double deadLetteredBefore = metric("consumer_records_total", "outcome=\"dead_lettered\"");
        double transientRetriesBefore = metric("consumer_retries_total", "kind=\"transient\"");
        List<UUID> articles = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

        try (EventPublisher events = new EventPublisher();
             DatabaseOutage outage = DatabaseOutage.of(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class))) {
            for (UUID article : articles) {
                events.articleCreated(article, journal);
                events.statusChanged(article, journal, 2, "UNDER_REVIEW", "SUBMITTED");
            }
            Thread.sleep(20_000);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Api.inbox(recipient).size() == 2 * articles.size());
        assertThat(deadLettersWithKeys(articles.stream().map(UUID::toString).toList())).isEmpty();
        assertThat(metric("consumer_records_total", "outcome=\"dead_lettered\"")).isEqualTo(deadLetteredBefore);
        assertThat(metric("consumer_retries_total", "kind=\"transient\"")).as("the consumer met the outage").isGreaterThan(transientRetriesBefore);
    }

    /** Sum over both consumers' series of this metric that carry this tag. */
    static double metric(String name, String tag) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(name + "{") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static List<String> deadLettersWithKeys(List<String> keys) {
        Set<String> wanted = Set.copyOf(keys);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.ARTICLE_EVENTS_DEAD_LETTER, Topics.CITATION_EVENTS_DEAD_LETTER));
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
