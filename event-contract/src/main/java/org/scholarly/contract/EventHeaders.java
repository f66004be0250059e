package org.scholarly.contract;

/**
 * CloudEvents attributes that also travel as Kafka headers (the Kafka binding's {@code ce_} prefix), so that a
 * consumer can route, deduplicate and continue a trace without parsing the record's value.
 */
public final class EventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    /**
     * The CloudEvents distributed-tracing extension: the W3C traceparent of the transaction that wrote the event.
     * Absent when the writer was not traced (a tool, an event written before tracing existed).
     */
    public static final String TRACEPARENT = "ce_traceparent";

    private EventHeaders() {
    }
}
