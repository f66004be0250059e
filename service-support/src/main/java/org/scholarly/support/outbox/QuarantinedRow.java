package org.scholarly.support.outbox;

/**
 * An outbox row the relay moved to {@code outbox_quarantine} because Kafka refused it for good.
 *
 * @param payloadBytes the UTF-8 size of the event as it was sent
 */
public record QuarantinedRow(long id, String topic, String key, String eventId, String eventType, int payloadBytes, String reason) {
}
