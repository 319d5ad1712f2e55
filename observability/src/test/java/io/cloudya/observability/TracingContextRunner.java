package io.cloudya.observability;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Boot's tracing auto-configuration as a service gets it from this module, without the rest of a service. */
final class TracingContextRunner {

    private TracingContextRunner() {
    }

    static ApplicationContextRunner create() {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
                OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                OtlpTracingAutoConfiguration.class, KafkaRecordTracingAutoConfiguration.class));
    }
}
