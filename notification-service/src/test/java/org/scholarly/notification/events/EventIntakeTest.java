package org.scholarly.notification.events;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.scholarly.contract.Topics;
import org.scholarly.notification.support.EventPublisher;
import org.scholarly.testsupport.RealInfrastructure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How the consumers are wired to the broker, and what happens to records they cannot use. */
@QuarkusTest
class EventIntakeTest {

    @Test
    void consumesTheContractTopicsWithManualCommitsAndReliableDeadLetterProducers() {
        Config config = ConfigProvider.getConfig();
        assertThat(incoming(config, Channels.ARTICLE_EVENTS_IN, "topic")).isEqualTo(Topics.ARTICLE_EVENTS);
        assertThat(incoming(config, Channels.CITATION_EVENTS_IN, "topic")).isEqualTo(Topics.CITATION_EVENTS);
        assertThat(incoming(config, Channels.ARTICLE_EVENTS_IN, "dead-letter-queue.topic")).isEqualTo(Topics.ARTICLE_EVENTS_DEAD_LETTER);
        assertThat(incoming(config, Channels.CITATION_EVENTS_IN, "dead-letter-queue.topic")).isEqualTo(Topics.CITATION_EVENTS_DEAD_LETTER);
        for (String channel : List.of(Channels.ARTICLE_EVENTS_IN, Channels.CITATION_EVENTS_IN)) {
            assertThat(incoming(config, channel, "enable.auto.commit")).isEqualTo("false");
            assertThat(incoming(config, channel, "group.id")).isEqualTo("notification-service");
            assertThat(incoming(config, channel, "failure-strategy")).isEqualTo("dead-letter-queue");
            assertThat(incoming(config, channel, "dead-letter-queue.acks")).isEqualTo("all");
            assertThat(incoming(config, channel, "dead-letter-queue.enable.idempotence")).isEqualTo("true");
        }
    }

    @Test
    void recordsThatBreakTheContractGoToTheDeadLetterTopicAndAreCounted() {
        double before = deadLettered();
        String marker = "not-a-cloud-event-" + UUID.randomUUID();
        String brokenEvent = "{\"specversion\":\"1.0\",\"id\":\"" + marker + "\",\"source\":\"/catalog-service\","
                + "\"type\":\"article.created\",\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"x\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"articleId\":\"nope\"}}";
        try (EventPublisher events = new EventPublisher()) {
            events.publishRaw(Topics.ARTICLE_EVENTS, marker, marker);
            events.publishRaw(Topics.ARTICLE_EVENTS, marker, brokenEvent);
        }

        List<String> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.ARTICLE_EVENTS_DEAD_LETTER));
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (marker.equals(record.key())) {
                        deadLetters.add(record.value());
                    }
                }
                return deadLetters.size() == 2;
            });
        }
        assertThat(deadLetters).containsExactly(marker, brokenEvent);
        assertThat(deadLettered()).isGreaterThanOrEqualTo(before + 2);
    }

    private static double deadLettered() {
        return DatabaseOutageTest.metric("consumer_records_total", "outcome=\"dead_lettered\"");
    }

    private static String incoming(Config config, String channel, String key) {
        return config.getValue("mp.messaging.incoming." + channel + "." + key, String.class);
    }
}
