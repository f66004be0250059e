package org.scholarly.citation.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.scholarly.contract.ArticleEventData;
import org.scholarly.contract.CloudEvent;
import org.scholarly.contract.EventCodec;
import org.scholarly.contract.EventContract;
import org.scholarly.contract.EventHeaders;
import org.scholarly.contract.EventTypes;
import org.scholarly.contract.Topics;
import org.scholarly.support.kafka.ReliableProducerSettings;
import org.scholarly.testsupport.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Produces catalog events onto the real broker exactly as catalog-service does, and watches the consumer group. */
public final class CatalogTopic {

    private static KafkaProducer<String, String> producer;

    private CatalogTopic() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(ReliableProducerSettings.forStrings(RealInfrastructure.kafkaBootstrapServers(), "catalog-test"));
        }
        return producer;
    }

    /** Publishes the draft's current snapshot as {@code type}; returns the event. */
    public static CloudEvent publish(ArticleDraft draft, String type) {
        ArticleEventData data = draft.snapshot();
        CloudEvent event = EventCodec.newEvent("/catalog-service", type, data.articleId().toString(), data);
        String json = EventCodec.toJson(event);
        EventContract.requireValid(json);
        send(data.articleId().toString(), json);
        return event;
    }

    public static CloudEvent created(ArticleDraft draft) {
        return publish(draft, EventTypes.ARTICLE_CREATED);
    }

    /** As the catalog's relay sends an event written inside a trace: its traceparent in {@code ce_traceparent}. */
    public static CloudEvent publishTraced(ArticleDraft draft, String type, String traceparent) {
        ArticleEventData data = draft.snapshot();
        CloudEvent event = EventCodec.newEvent("/catalog-service", type, data.articleId().toString(), data);
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLE_EVENTS, data.articleId().toString(), EventCodec.toJson(event));
        record.headers().add(EventHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        send(record);
        return event;
    }

    public static void send(String key, String value) {
        send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, key, value));
    }

    private static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic from offset 0, in partition order. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Waits until the service's consumer group has committed every record now on the topic. */
    public static void awaitConsumerCaughtUp() {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ARTICLE_EVENTS)).allTopicNames().get()
                    .get(Topics.ARTICLE_EVENTS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.ARTICLE_EVENTS, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("citation-service")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> positions = new HashMap<>();
                committed.forEach((p, o) -> positions.put(p, o == null ? 0 : o.offset()));
                return partitions.stream().allMatch(p -> positions.getOrDefault(p, 0L) >= ends.get(p).offset());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
