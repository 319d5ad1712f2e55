package io.cloudya.gateway.health;

import java.net.URI;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Spring Boot actuator health document; a timeout, refusal or unreadable body counts as down. */
@Component
class ServiceHealthClient {

    private final WebClient http = WebClient.create();
    private final JsonMapper json;
    private final Duration timeout;

    ServiceHealthClient(JsonMapper json, HealthProperties properties) {
        this.json = json;
        this.timeout = properties.timeout();
    }

    Mono<ServiceHealth> check(URI healthUrl) {
        // read the body whatever the status: actuator answers 503 with the failing components listed
        return http.get().uri(healthUrl)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty(""))
                .map(this::parse)
                .timeout(timeout)
                .onErrorReturn(ServiceHealth.UNREACHABLE);
    }

    private ServiceHealth parse(String body) {
        JsonNode health = json.readTree(body);
        JsonNode db = health.path("components").path("db").path("status");
        return new ServiceHealth("UP".equals(health.path("status").asString()),
                db.isMissingNode() ? null : db.asString());
    }
}
