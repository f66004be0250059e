package org.scholarly.support.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Exports the spans by OTLP over HTTP when {@code scholarly.tracing.otlp-endpoint} (OTEL_EXPORTER_OTLP_ENDPOINT)
 * names a collector, and nowhere otherwise. Quarkus' own exporter is switched off at build time because it cannot be
 * switched off at run time without disabling the SDK, and the SDK is wanted everywhere: it gives the log lines their
 * trace ids and the events their traceparent, whether or not anyone collects the spans.
 */
@ApplicationScoped
public class OtlpTraceExport {

    private static final Logger LOG = Logger.getLogger(OtlpTraceExport.class);

    @ConfigProperty(name = "scholarly.tracing.otlp-endpoint")
    Optional<String> endpoint;

    @Produces
    @Singleton
    SpanExporter otlp() {
        if (endpoint.isEmpty() || endpoint.get().isBlank()) {
            return SpanExporter.composite(List.of());
        }
        String traces = endpoint.get().replaceAll("/+$", "") + "/v1/traces";
        LOG.infof("Exporting traces by OTLP to %s", traces);
        return OtlpHttpSpanExporter.builder().setEndpoint(traces).build();
    }
}
