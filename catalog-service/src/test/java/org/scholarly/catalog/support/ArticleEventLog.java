package org.scholarly.catalog.support;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.Topics;
import org.scholarly.testsupport.RealInfrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * Reads catalog.article-events from the real broker. Every event read is validated against the shared contract,
 * so any test that looks at the topic also proves the producer side of the contract.
 */
public final class ArticleEventLog {

    private ArticleEventLog() {
    }

    /** Waits until the relay has published (and Kafka acknowledged) everything in the outbox. */
    public static void awaitOutboxDrained(AgroalDataSource dataSource) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> outboxSize(dataSource) == 0);
    }

    public static long outboxSize(AgroalDataSource dataSource) throws SQLException {
        return count(dataSource, "SELECT count(*) FROM outbox_event");
    }

    public static long count(AgroalDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every record on the topic up to its current end, in partition order. */
    public static List<ConsumerRecord<String, String>> records() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.ARTICLE_EVENTS, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return records;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            long deadline = System.currentTimeMillis() + 30_000;
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + Topics.ARTICLE_EVENTS + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        for (ConsumerRecord<String, String> record : records) {
            EventContract.requireValid(record.value());
        }
        return records;
    }

    /** The events of one article, in the order they were published. */
    public static List<CloudEvent> eventsOf(String articleId) {
        return records().stream().filter(r -> articleId.equals(r.key())).map(r -> EventCodec.parse(r.value())).toList();
    }
}
