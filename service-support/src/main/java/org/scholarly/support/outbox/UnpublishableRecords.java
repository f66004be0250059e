package org.scholarly.support.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;

/**
 * Tells a record that Kafka will never accept, however often it is sent, from a broker that is merely away.
 *
 * <p>Only failures that are about the record itself count: it is too large, malformed, or names a topic that
 * cannot exist. Everything else (timeouts, leader changes, authorisation, a closed producer) is about the
 * cluster or the configuration and is retried, since moving rows aside for those would empty the outbox into the
 * quarantine during an ordinary outage.
 */
public final class UnpublishableRecords {

    private static final List<Class<? extends Throwable>> RECORD_FAULTS = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            SerializationException.class,
            InvalidTopicException.class);

    private UnpublishableRecords() {
    }

    /** Whether {@code failure} (or what it wraps) says this record can never be published. */
    public static boolean isUnpublishable(Throwable failure) {
        return recordFault(failure) != null;
    }

    /** What an operator reads in the quarantine: the failure's type and message, on one line. */
    public static String reason(Throwable failure) {
        Throwable fault = recordFault(failure);
        Throwable shown = fault == null ? failure : fault;
        String message = shown.getMessage() == null ? "" : ": " + shown.getMessage().replace('\n', ' ');
        return shown.getClass().getSimpleName() + message;
    }

    private static Throwable recordFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable candidate = t;
            if (RECORD_FAULTS.stream().anyMatch(type -> type.isInstance(candidate))) {
                return candidate;
            }
        }
        return null;
    }
}
