package io.cloudya.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Gives every service an {@link OutboxWriter} and {@link ProcessedEvents} on its own DataSource; the writer stamps
 * events with the current trace when {@link OutboxTracingAutoConfiguration} found a tracer.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, ConsumerGroupProperties.class})
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxFastPath outboxFastPath(OutboxProperties properties, ObjectProvider<KafkaTemplate<String, String>> kafka,
                                  ObjectProvider<MeterRegistry> meters) {
        KafkaTemplate<String, String> template = kafka.getIfAvailable();
        if (!properties.fastPath() || template == null) {
            return OutboxFastPath.DISABLED;
        }
        // Its own template on the application's producer, without observation: Spring Kafka would otherwise put
        // the traceparent of whatever span is current at send time (none after a batch commit) over the writer's,
        // and the fast-path copy must carry the same headers as the relay's.
        var unobserved = new KafkaTemplate<>(template.getProducerFactory());
        Consumer<UUID> receipts = properties.receiptsTopic().isBlank() ? eventId -> { }
                : new FastPathReceipts(unobserved, properties.receiptsTopic(), properties.receiptsWindow());
        return new KafkaFastPath(unobserved, meters.getIfAvailable(SimpleMeterRegistry::new), receipts);
    }

    @Bean
    OutboxWriter outboxWriter(DataSource dataSource, OutboxFastPath fastPath,
                              ObjectProvider<OutboxTraceContext> trace) {
        return new OutboxWriter(JdbcClient.create(dataSource), fastPath,
                trace.getIfAvailable(() -> OutboxTraceContext.NONE));
    }

    /** Every listener container: lazy offset commits, and static membership where the process has a stable name. */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerContainerDefaults(
            OutboxProperties properties, StaticGroupMembership membership) {
        var commits = new LazyOffsetCommits(properties.commitInterval());
        return container -> {
            commits.configure(container);
            membership.configure(container);
        };
    }

    @Bean
    StaticGroupMembership staticGroupMembership(ConsumerGroupProperties groups) {
        return new StaticGroupMembership(groups.groupInstanceId());
    }

    /** Static members must leave their groups when they stop, as dynamic ones do. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer leaveGroupOnClose(StaticGroupMembership membership) {
        return factory -> {
            if (membership.enabled()) {
                LeaveGroupOnClose.addTo(factory);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    RecentDeliveries recentDeliveries(OutboxProperties properties) {
        return new RecentDeliveries(properties.recentDeliveries());
    }

    @Bean
    ProcessedEvents processedEvents(DataSource dataSource, RecentDeliveries recent) {
        return new ProcessedEvents(JdbcClient.create(dataSource), recent);
    }
}
