package io.cloudya.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

/** Spans leave the service only when an OTLP endpoint is configured; otherwise there is no exporter at all. */
class OtlpExportTest {

    @Test
    void shouldCreateNoExporterWhileNoEndpointIsConfigured() {
        TracingContextRunner.create().run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void shouldExportOverOtlpHttpOnceAnEndpointIsConfigured() {
        TracingContextRunner.create()
                .withPropertyValues(
                        "management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(context -> assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class));
    }
}
