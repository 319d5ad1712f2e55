package io.cloudya.aiworker.config;

import io.cloudya.aiworker.lane.LaneBusyException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The containers of the two AI job lanes. Their listener only hands each job to a worker thread; the worker
 * acknowledges it once its outcome is committed (lane.InOrderAcks keeps the commits in offset order). These
 * settings are the delivery guarantee, not tuning, so they are fixed here rather than in application.yml;
 * everything else comes from {@code spring.kafka.*} as for any Boot container.
 */
@Configuration(proxyBeanMethods = false)
public class AiJobListenerConfig {

    public static final String FACTORY = "aiJobContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> aiJobContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            ObjectProvider<ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>>
                    defaults) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        ContainerProperties container = factory.getContainerProperties();
        // acknowledged from the worker thread once the job is settled; never committed by the container itself
        container.setAckMode(AckMode.MANUAL);
        // out-of-order acks are put in order by InOrderAcks; asyncAcks would pause the consumer per poll instead
        container.setAsyncAcks(false);
        // the commit of those acks must not hold the poll loop either (outbox LazyOffsetCommits says why)
        container.setSyncCommits(false);
        // one record per poll: the listener may wait up to slot-wait for a lane slot, and one such wait must fit
        // in max.poll.interval.ms however many records a poll would otherwise return (set on each container: the
        // factory does not pass its own consumer properties on)
        // this customizer replaces the one the configurer set (outbox: lazy commits, static membership), which
        // therefore runs first here
        factory.setContainerCustomizer(each -> {
            defaults.ifUnique(shared -> shared.configure(each));
            each.getContainerProperties().getKafkaConsumerProperties()
                    .setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        });
        factory.setCommonErrorHandler(errorHandler());
        return factory;
    }

    private static DefaultErrorHandler errorHandler() {
        // anything else the listener throws gets the container's usual 10 attempts, then is logged and skipped
        var handler = new DefaultErrorHandler(new FixedBackOff(0, 9));
        // a full lane is back-pressure, not a failure: seek back and poll the record again, forever, at once
        // (the listener already waited slot-wait)
        handler.setBackOffFunction((record, error) -> isLaneBusy(error)
                ? new FixedBackOff(0, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        // a skipped record must not be acknowledged by the container: that would commit past running jobs
        handler.setAckAfterHandle(false);
        return handler;
    }

    private static boolean isLaneBusy(Exception error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof LaneBusyException) {
                return true;
            }
        }
        return false;
    }
}
