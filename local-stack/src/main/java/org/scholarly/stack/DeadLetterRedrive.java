package org.scholarly.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends dead-lettered records back to the topic they came from, after the bug that rejected them is fixed.
 * Safe to repeat: the consumers deduplicate by event id, and a record that still fails lands in the dead-letter
 * topic again. Progress is kept in the consumer group {@code redrive-<dead-letter topic>}, so each dead letter is
 * re-driven once; {@code --from-start} re-drives all of them.
 */
public final class DeadLetterRedrive {

    private DeadLetterRedrive() {
    }

    /** Returns how many records were sent back. */
    public static int redrive(String bootstrapServers, String deadLetterTopic, boolean fromStart, boolean dryRun) {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "redrive-" + deadLetterTopic,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        int sent = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            if (fromStart) {
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    String target = header(record, "dead-letter-topic");
                    if (target == null) {
                        target = deadLetterTopic.replaceFirst("\\.dlq$", "");
                    }
                    System.out.printf("%s %s-%d@%d -> %s (reason: %s)%n", dryRun ? "would re-drive" : "re-drive",
                            deadLetterTopic, record.partition(), record.offset(), target, header(record, "dead-letter-reason"));
                    if (!dryRun) {
                        producer.send(new ProducerRecord<>(target, record.key(), record.value()));
                        sent++;
                    }
                }
            }
            if (!dryRun) {
                producer.flush();
                consumer.commitSync();
            }
        }
        return sent;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
