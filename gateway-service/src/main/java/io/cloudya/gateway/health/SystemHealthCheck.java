package io.cloudya.gateway.health;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every service, the CDC relay and Kafka at once, each bounded by the health timeout, so the whole
 * check takes about one timeout at worst. PostgreSQL is judged from the services' own {@code db} components:
 * the gateway has no database credentials and should not need any.
 */
@Component
class SystemHealthCheck {

    private final HealthProperties properties;
    private final ServiceHealthClient services;
    private final KafkaHealthCheck kafka;

    SystemHealthCheck(HealthProperties properties, ServiceHealthClient services, KafkaHealthCheck kafka) {
        this.properties = properties;
        this.services = services;
        this.kafka = kafka;
    }

    Mono<SystemHealth> check() {
        Mono<Map<String, ServiceHealth>> serviceHealth = Flux.fromIterable(properties.services().entrySet())
                .flatMap(entry -> services.check(entry.getValue()).map(health -> Map.entry(entry.getKey(), health)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<ServiceHealth> relay = properties.cdcRelay() == null
                ? Mono.just(ServiceHealth.UNREACHABLE) : services.check(properties.cdcRelay());
        return Mono.zip(serviceHealth, relay, kafka.isUp())
                .map(all -> assemble(all.getT1(), all.getT2(), all.getT3()));
    }

    private SystemHealth assemble(Map<String, ServiceHealth> byName, ServiceHealth relay, boolean kafkaUp) {
        Map<String, String> serviceStates = new LinkedHashMap<>();
        // configured order, not completion order, so the body reads the same on every call
        properties.services().keySet().forEach(name -> serviceStates.put(name, state(byName.get(name).up())));
        Map<String, String> infrastructure = new LinkedHashMap<>();
        infrastructure.put("kafka", state(kafkaUp));
        infrastructure.put("postgresql", postgresql(byName.values()));
        infrastructure.put("cdc-relay", state(relay.up()));
        return SystemHealth.of(serviceStates, infrastructure);
    }

    /** DOWN if any service reports its database down; UNKNOWN if none could report at all. */
    static String postgresql(Collection<ServiceHealth> reports) {
        var verdicts = reports.stream().map(ServiceHealth::database).filter(db -> db != null).toList();
        if (verdicts.isEmpty()) {
            return SystemHealth.UNKNOWN;
        }
        return verdicts.stream().allMatch(SystemHealth.UP::equals) ? SystemHealth.UP : SystemHealth.DOWN;
    }

    private static String state(boolean up) {
        return up ? SystemHealth.UP : SystemHealth.DOWN;
    }
}
