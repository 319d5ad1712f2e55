package io.cloudya.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Fills the logging MDC with the user and request a line is about. Tracing itself (spans, W3C propagation, the
 * traceId/spanId MDC entries, OTLP export when configured) is Spring Boot's, from this module's dependencies.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class ServletIdentityMdc {

        @Bean
        IdentityMdcFilter identityMdcFilter() {
            return new IdentityMdcFilter();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class KafkaIdentityMdc {

        /** Boot's listener container factory applies a single RecordInterceptor bean; a service's own one wins. */
        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        UserIdMdcRecordInterceptor userIdMdcRecordInterceptor() {
            return new UserIdMdcRecordInterceptor();
        }
    }
}
