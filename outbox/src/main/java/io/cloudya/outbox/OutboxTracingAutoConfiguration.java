package io.cloudya.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An {@link OutboxTraceContext} from the application's tracer, when Micrometer Tracing (optional here) is on the
 * classpath and Boot configured a tracer. Its own auto-configuration, ordered after Boot's tracing ones, so the
 * bean condition sees their beans.
 */
@AutoConfiguration(before = OutboxAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"})
@ConditionalOnClass(Tracer.class)
public class OutboxTracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    OutboxTraceContext outboxTraceContext(Tracer tracer, Propagator propagator) {
        return new MicrometerOutboxTraceContext(tracer, propagator);
    }
}
