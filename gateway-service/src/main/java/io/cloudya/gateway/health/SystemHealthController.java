package io.cloudya.gateway.health;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/health}: the whole system at a glance, 200 when every part is up, 503 naming the rest. */
@RestController
class SystemHealthController {

    private final SystemHealthCheck check;

    SystemHealthController(SystemHealthCheck check) {
        this.check = check;
    }

    @GetMapping("/api/health")
    Mono<ResponseEntity<SystemHealth>> health() {
        return check.check().map(health -> ResponseEntity
                .status(health.isUp() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(health));
    }
}
