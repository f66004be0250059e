package org.scholarly.support.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Spans that continue a trace from a stored traceparent: the processing of consumed events, and work a job does
 * later for a traced transaction (publishing its count changes, delivering its notification).
 */
@ApplicationScoped
public class EventTracing {

    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The span of one poll (or one record) on {@code topic}: a child of the first event's trace, so that a single
     * event's processing appears inside the trace of the request that wrote it. A poll holds events of many traces
     * and a span has one parent; the others are linked, which is how OpenTelemetry models batch processing.
     */
    public Span startProcessing(String topic, List<String> traceparents) {
        List<SpanContext> sources = Traceparents.distinct(traceparents);
        SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka").setAttribute(DESTINATION, topic)
                .setAttribute(BATCH_SIZE, (long) traceparents.size());
        if (sources.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(io.opentelemetry.context.Context.root().with(Span.wrap(sources.get(0))));
            sources.stream().skip(1).forEach(builder::addLink);
        }
        return builder.startSpan();
    }

    /** A span for later work on behalf of {@code traceparent}'s trace; a new trace when there is none. */
    public Span startContinuation(String name, SpanKind kind, String traceparent) {
        SpanContext parent = Traceparents.spanContext(traceparent);
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        if (parent.isValid()) {
            builder.setParent(io.opentelemetry.context.Context.root().with(Span.wrap(parent)));
        } else {
            builder.setNoParent();
        }
        return builder.startSpan();
    }
}
