package org.scholarly.support.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpTraceExportTest {

    private static SpanExporter exporterFor(Optional<String> endpoint) {
        OtlpTraceExport export = new OtlpTraceExport();
        export.endpoint = endpoint;
        return export.otlp();
    }

    @Test
    void exportsNowhereWithoutAnEndpoint() {
        assertThat(exporterFor(Optional.empty())).isNotInstanceOf(OtlpHttpSpanExporter.class);
        assertThat(exporterFor(Optional.of(" "))).isNotInstanceOf(OtlpHttpSpanExporter.class);
    }

    @Test
    void exportsByOtlpOverHttpToTheTracesPathOfTheEndpoint() {
        SpanExporter exporter = exporterFor(Optional.of("http://jaeger:4318/"));
        assertThat(exporter).isInstanceOf(OtlpHttpSpanExporter.class);
        assertThat(exporter.toString()).contains("endpoint=http://jaeger:4318/v1/traces");
        exporter.shutdown();
    }

    @Test
    void aStoredTraceparentLeadsBackToItsSpanAndNothingElseDoes() {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());
        String traceparent = Traceparents.of(span);
        assertThat(traceparent).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(Traceparents.spanContext(traceparent).getTraceId()).isEqualTo(span.getTraceId());
        assertThat(Traceparents.spanContext(traceparent).isRemote()).isTrue();
        assertThat(Traceparents.spanContext("not a traceparent").isValid()).isFalse();
        assertThat(Traceparents.spanContext(null).isValid()).isFalse();
        assertThat(Traceparents.distinct(List.of(traceparent, traceparent, "junk"))).hasSize(1);
        assertThat(Traceparents.of(Span.getInvalid().getSpanContext())).isNull();
    }
}
