package io.cloudya.helm;

import static io.cloudya.helm.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaticMembershipChartTest {

    @Test
    void everyPodNamesItsKafkaGroupMembershipAfterItself() {
        for (Map<String, Object> deployment : RenderedChart.render().ofKind("Deployment")) {
            assertThat(instanceIdOf(deployment)).as((String) at(deployment, "metadata", "name"))
                    .containsExactly(Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
        }
    }

    @Test
    void staticMembershipCanBeSwitchedOff() {
        for (Map<String, Object> deployment : RenderedChart.render("kafka.staticMembership=false").ofKind("Deployment")) {
            assertThat(instanceIdOf(deployment)).isEmpty();
        }
    }

    @Test
    void databaseCredentialsStayBesideIt() {
        var commandService = RenderedChart.render().ofKind("Deployment").stream()
                .filter(d -> "cloudya-command-service".equals(at(d, "metadata", "name"))).findFirst().orElseThrow();

        assertThat(env(commandService)).extracting(e -> e.get("name"))
                .contains("KAFKA_GROUP_INSTANCE_ID", "DB_USER", "DB_PASSWORD");
    }

    private static List<Object> instanceIdOf(Map<String, Object> deployment) {
        return env(deployment).stream().filter(e -> "KAFKA_GROUP_INSTANCE_ID".equals(e.get("name")))
                .map(e -> e.get("valueFrom")).toList();
    }

    private static List<Map<String, Object>> env(Map<String, Object> deployment) {
        List<Map<String, Object>> env = at(deployment, "spec", "template", "spec", "containers", "0", "env");
        return env == null ? List.of() : env;
    }
}
