package io.cloudya.relay.config;

import java.util.Map;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import io.cloudya.relay.forward.DeliveryReceipts;
import io.cloudya.relay.forward.ReceiptsReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka clients the relay uses: one forwarding producer shared by all engines, one reader of the fast path's
 * receipts, one admin for health.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaClientsConfig {

    @Bean(destroyMethod = "close")
    public KafkaProducer<String, String> forwardingProducer(RelayProperties properties) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers(),
                // A record is marked processed only once every replica has it: the outbox row's only copy
                // after the slot advances is in Kafka.
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // The services' fast path carries every event's latency; the relay's copy is the guarantee and
                // only becomes the first copy when a fast-path send failed. Holding copies for a while sends them
                // in fewer produce requests, and wakes each consumer once per batch rather than once per copy.
                ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG, "cdc-relay",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /**
     * The forwarding producer is built by hand, not by Spring Kafka's factory, so Boot's Kafka metrics do not see
     * it: bound here, its kafka_producer_* meters (send rate, errors, request latency) reach /actuator/prometheus.
     */
    @Bean(destroyMethod = "close")
    public KafkaClientMetrics forwardingProducerMetrics(KafkaProducer<String, String> forwardingProducer) {
        return new KafkaClientMetrics(forwardingProducer);
    }

    /** Reads the services' receipts without a consumer group: every relay instance needs all of them. */
    @Bean
    public DeliveryReceipts deliveryReceipts(RelayProperties properties) {
        RelayProperties.Receipts receipts = properties.receipts();
        if (!receipts.enabled()) {
            return DeliveryReceipts.NONE;
        }
        return new ReceiptsReader(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "cdc-relay-receipts",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a fetch per receipt record would wake the relay and the broker a few hundred times a second; the
                // broker holds each fetch up to 100 ms to answer with what came meanwhile, well within the grace
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class)),
                receipts.topic(), receipts.retention());
    }

    @Bean(destroyMethod = "close")
    public Admin relayAdmin(RelayProperties properties) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "cdc-relay-health"));
    }
}
