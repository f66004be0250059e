package org.scholarly.support.messaging;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;
import org.scholarly.contract.EventHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a consumer that takes a whole poll at a time ({@code batch=true}) needs from its records. Nacking the poll
 * would dead-letter every record in it, valid ones included; so a bad record is dead-lettered alone, and the rest
 * are acknowledged one by one, which lets the throttled commit strategy see every offset processed.
 */
public final class PolledRecords {

    private PolledRecords() {
    }

    /**
     * Hands one record to the channel's failure strategy (the dead-letter queue publishes it with the reason in its
     * headers, then acknowledges it) and waits for that, so that its offset is never committed before it is safe.
     */
    public static void deadLetter(KafkaRecord<?, ?> record, Throwable reason) {
        record.nack(reason).toCompletableFuture().join();
    }

    /**
     * Applies a poll's items in one go ({@code together}, true once committed); when that fails for good, applies
     * them one by one ({@code alone}, false once the item was dead-lettered). Then acknowledges every record that
     * was not dead-lettered: the dead-letter queue acknowledged those itself.
     */
    public static <T> CompletionStage<Void> applyAndAcknowledge(List<T> items, Function<T, KafkaRecord<?, ?>> recordOf,
                                                                Predicate<List<T>> together, Predicate<T> alone) {
        List<KafkaRecord<?, ?>> applied = new ArrayList<>(items.stream().map(recordOf).toList());
        if (!items.isEmpty() && !together.test(items)) {
            for (T item : items) {
                if (!alone.test(item)) {
                    applied.remove(recordOf.apply(item));
                }
            }
        }
        return acknowledge(applied);
    }

    /** Acknowledges each record, once its effect has committed. */
    public static CompletionStage<Void> acknowledge(List<? extends KafkaRecord<?, ?>> records) {
        return CompletableFuture.allOf(records.stream()
                .map(record -> record.ack().toCompletableFuture())
                .toArray(CompletableFuture[]::new));
    }

    /** The traceparent the event was written under ({@link EventHeaders#TRACEPARENT}), or null. */
    public static String traceparent(KafkaRecord<?, ?> record) {
        Header header = record.getHeaders() == null ? null : record.getHeaders().lastHeader(EventHeaders.TRACEPARENT);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** "partition 2, offset 64", for log lines. */
    public static String position(KafkaRecord<?, ?> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> "partition " + m.getPartition() + ", offset " + m.getOffset())
                .orElse("partition " + record.getPartition());
    }

    /**
     * Waits before another attempt. Interrupted because the application stops, it holds the thread (see
     * {@link ConsumerShutdown}): the records stay unacknowledged and come again after the restart.
     */
    public static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            ConsumerShutdown.holdIfStopping();
        }
    }
}
