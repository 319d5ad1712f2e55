package io.cloudya.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemHealthTest {

    @Test
    void isUpOnlyWhenNoPartIsDown() {
        var health = SystemHealth.of(Map.of("auth-service", "UP"), Map.of("kafka", "UP"));

        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.failing()).isEmpty();
    }

    @Test
    void listsDownPartsInReportOrderServicesFirst() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("auth-service", "UP");
        services.put("token-service", "DOWN");
        Map<String, String> infrastructure = new LinkedHashMap<>();
        infrastructure.put("kafka", "DOWN");
        infrastructure.put("postgresql", "UNKNOWN");

        var health = SystemHealth.of(services, infrastructure);

        assertThat(health.status()).isEqualTo("DOWN");
        assertThat(health.failing()).containsExactly("token-service", "kafka");
    }

    @Test
    void judgesPostgresqlFromTheServicesDatabaseComponents() {
        var up = new ServiceHealth(true, "UP");
        var dbDown = new ServiceHealth(false, "DOWN");
        var noDbComponent = new ServiceHealth(true, null);

        assertThat(SystemHealthCheck.postgresql(List.of(up, noDbComponent))).isEqualTo("UP");
        assertThat(SystemHealthCheck.postgresql(List.of(up, dbDown))).isEqualTo("DOWN");
        assertThat(SystemHealthCheck.postgresql(List.of(ServiceHealth.UNREACHABLE))).isEqualTo("UNKNOWN");
    }
}
