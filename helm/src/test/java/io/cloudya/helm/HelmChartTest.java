package io.cloudya.helm;

import static io.cloudya.helm.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelmChartTest {

    private static final List<String> SERVICES = List.of(
            "gateway-service", "auth-service", "command-service", "token-service", "billing-service", "ai-worker");

    @Test
    void chartPassesStrictLint() {
        var result = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void rendersOneDeploymentServiceAutoscalerAndBudgetPerService() {
        var chart = RenderedChart.render();

        assertThat(chart.ofKind("Deployment")).extracting(d -> at(d, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "cloudya-" + s).toList());
        assertThat(chart.ofKind("Service")).hasSize(6);
        assertThat(chart.ofKind("HorizontalPodAutoscaler")).hasSize(6);
        assertThat(chart.ofKind("PodDisruptionBudget")).hasSize(6);
        assertThat(chart.ofKind("Ingress")).isEmpty();
    }

    @Test
    void everyContainerHasActuatorProbesAndMemoryLimits() {
        for (Map<String, Object> deployment : RenderedChart.render().ofKind("Deployment")) {
            Map<String, Object> container = at(deployment, "spec", "template", "spec", "containers", "0");

            assertThat((String) at(container, "readinessProbe", "httpGet", "path"))
                    .isEqualTo("/actuator/health/readiness");
            assertThat((String) at(container, "livenessProbe", "httpGet", "path"))
                    .isEqualTo("/actuator/health/liveness");
            assertThat((Object) at(container, "resources", "limits", "memory")).isNotNull();
            assertThat((Object) at(container, "resources", "requests", "cpu")).isNotNull();
        }
    }

    @Test
    void databaseCredentialsComeFromSecretsNeverFromValues() {
        var chart = RenderedChart.render();

        for (Map<String, Object> deployment : chart.ofKind("Deployment")) {
            List<Map<String, Object>> env = at(deployment, "spec", "template", "spec", "containers", "0", "env");
            if (env == null) {
                continue;
            }
            assertThat(env).allSatisfy(variable -> assertThat(variable).containsKey("valueFrom"));
        }
        assertThat(chart.ofKind("ConfigMap").toString()).doesNotContainIgnoringCase("password");
    }

    @Test
    void rendersOneDebeziumOutboxConnectorPerServiceDatabase() {
        var chart = RenderedChart.render();

        List<Map<String, Object>> connectors = chart.ofKind("KafkaConnector");
        assertThat(chart.ofKind("KafkaConnect")).hasSize(1);
        Map<String, Object> connectConfig = at(chart.ofKind("KafkaConnect").getFirst(), "spec", "config");
        assertThat(connectConfig).as("the copies behind the fast path are held to go out together")
                .containsEntry("producer.linger.ms", 50);
        assertThat(connectors).hasSize(5);
        for (Map<String, Object> connector : connectors) {
            Map<String, Object> config = at(connector, "spec", "config");
            assertThat(config).containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                    .containsEntry("transforms.outbox.route.by.field", "topic")
                    .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}")
                    .containsEntry("publication.name", "cloudya_outbox")
                    .containsEntry("plugin.name", "pgoutput");
            assertThat((String) config.get("slot.name")).isEqualTo(config.get("database.dbname") + "_outbox");
        }
    }

    @Test
    void servicesWithAnOutboxSendNoReceiptsThatOnlyTheLocalRelayReads() {
        List<Map<String, Object>> withDatabase = RenderedChart.render().ofKind("ConfigMap").stream()
                .filter(c -> ((Map<?, ?>) at(c, "data")).containsKey("DB_URL")).toList();

        assertThat(withDatabase).hasSize(5)
                .allSatisfy(c -> assertThat((Object) at(c, "data", "CLOUDYA_OUTBOX_RECEIPTSTOPIC")).isEqualTo(""));
    }

    @Test
    void everyServiceWithConsumersTakesTheSessionTimeoutFromValues() {
        assertThat(sessionTimeouts(RenderedChart.render())).hasSize(5).containsOnly("10000");
        assertThat(sessionTimeouts(RenderedChart.render("kafka.sessionTimeoutMs=15000"))).hasSize(5).containsOnly("15000");
    }

    private static List<Object> sessionTimeouts(RenderedChart chart) {
        return chart.ofKind("ConfigMap").stream().map(c -> ((Map<?, ?>) at(c, "data")).get("KAFKA_SESSION_TIMEOUT_MS"))
                .filter(java.util.Objects::nonNull).map(Object.class::cast).toList();
    }

    @Test
    void exposesOnlyTheGatewayThroughTheIngress() {
        var chart = RenderedChart.render("ingress.enabled=true");

        List<Map<String, Object>> ingresses = chart.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        assertThat((String) at(ingresses.getFirst(), "spec", "rules", "0", "http", "paths", "0", "backend",
                "service", "name")).isEqualTo("cloudya-gateway-service");
    }

    @Test
    void gatewayKnowsEveryUpstreamByItsServiceName() {
        var gatewayConfig = RenderedChart.render().ofKind("ConfigMap").stream()
                .filter(c -> "cloudya-gateway-service".equals(at(c, "metadata", "name")))
                .findFirst().orElseThrow();

        Map<String, Object> data = at(gatewayConfig, "data");
        assertThat(data).containsEntry("COMMAND_URL", "http://cloudya-command-service:8082")
                .containsEntry("AUTH_URL", "http://cloudya-auth-service:8081");
    }

    @Test
    void samplesATenthOfNewTracesUnlessTold() {
        assertThat(RenderedChart.render().ofKind("ConfigMap")).hasSize(SERVICES.size())
                .allSatisfy(c -> assertThat((Object) at(c, "data", "TRACING_SAMPLING_PROBABILITY")).isEqualTo("0.1"));
        assertThat(RenderedChart.render("tracingSamplingProbability=0.5").ofKind("ConfigMap"))
                .allSatisfy(c -> assertThat((Object) at(c, "data", "TRACING_SAMPLING_PROBABILITY")).isEqualTo("0.5"));
    }

    @Test
    void givesTheAiWorkerTimeToFinishRunningJobsBeforeItIsKilled() {
        var deployments = RenderedChart.render().ofKind("Deployment");
        for (var deployment : deployments) {
            Object grace = at(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
            int expected = "cloudya-ai-worker".equals(at(deployment, "metadata", "name")) ? 45 : 30;
            assertThat(grace).as("grace period of %s", (Object) at(deployment, "metadata", "name"))
                    .isEqualTo(expected);
        }
    }
}
