package org.scholarly.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C {@code traceparent} of a span, as stored beside a row that outlives the request (an outbox event, a count
 * waiting to be published, a delivery waiting for its turn), and the way back from it to a parent for the span
 * that later continues the work.
 */
public final class Traceparents {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Traceparents() {
    }

    /** The traceparent of the current span, or null outside of any (a scheduled job, a tool, tracing disabled). */
    public static String current() {
        return of(Span.current().getSpanContext());
    }

    public static String of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The remote span a stored traceparent names; invalid when there is none or it is malformed. */
    public static SpanContext spanContext(String traceparent) {
        return Span.fromContext(parent(traceparent)).getSpanContext();
    }

    /** A parent context for the span that continues the work; the root (a new trace) without a valid traceparent. */
    public static Context parent(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), GETTER);
    }

    /** The distinct valid span contexts among {@code traceparents}, in order. */
    public static List<SpanContext> distinct(List<String> traceparents) {
        return traceparents.stream().distinct().map(Traceparents::spanContext).filter(SpanContext::isValid).toList();
    }
}
