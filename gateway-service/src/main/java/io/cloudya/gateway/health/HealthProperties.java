package io.cloudya.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What {@code GET /api/health} asks ({@code cloudya.health.*}): each service's health URL by name,
 * the CDC relay's health URL, the Kafka bootstrap servers, and how long any one check may take.
 */
@ConfigurationProperties("cloudya.health")
public record HealthProperties(@DefaultValue("2s") Duration timeout,
                               Map<String, URI> services,
                               URI cdcRelay,
                               @DefaultValue("127.0.0.1:9092") String kafkaBootstrapServers) {

    public HealthProperties {
        // keep the configured order: it is the order /api/health lists the services in
        services = services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }
}
