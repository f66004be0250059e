package org.scholarly.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import org.jboss.logging.MDC;

/**
 * Makes a span current for a block of work and puts its ids where the log format reads them ({@code %X{traceId}},
 * {@code %X{spanId}}). Quarkus fills those itself only on Vert.x threads; the outbox relay, the consumers' worker
 * threads and the delivery workers are not always such threads, and their log lines must carry the trace id too.
 * Closing it ends nothing: the caller ends the span, after the block.
 */
public final class TracedScope implements AutoCloseable {

    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private final Scope scope;
    private final Object previousTraceId;
    private final Object previousSpanId;

    private TracedScope(Span span) {
        this.previousTraceId = MDC.get(TRACE_ID);
        this.previousSpanId = MDC.get(SPAN_ID);
        this.scope = span.makeCurrent();
        SpanContext context = span.getSpanContext();
        if (context.isValid()) {
            MDC.put(TRACE_ID, context.getTraceId());
            MDC.put(SPAN_ID, context.getSpanId());
        }
    }

    public static TracedScope enter(Span span) {
        return new TracedScope(span);
    }

    @Override
    public void close() {
        scope.close();
        restore(TRACE_ID, previousTraceId);
        restore(SPAN_ID, previousSpanId);
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
