package io.cloudya.helm;

import static io.cloudya.helm.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Only the gateway (and the metrics scraper) may reach the services that trust its identity headers. */
class NetworkPolicyTest {

    private static final Map<String, Integer> BEHIND_GATEWAY = Map.of("auth-service", 8081, "command-service", 8082,
            "token-service", 8083, "billing-service", 8084, "ai-worker", 8085);

    @Test
    void rendersOnePolicyPerServiceBehindTheGatewayAndNoneForTheGateway() {
        var policies = RenderedChart.render().ofKind("NetworkPolicy");

        assertThat(policies).extracting(p -> at(p, "metadata", "name")).containsExactlyInAnyOrderElementsOf(
                BEHIND_GATEWAY.keySet().stream().map(s -> "cloudya-" + s).toList());
    }

    @Test
    void letsOnlyGatewayPodsAndTheScraperReachEachServicesHttpPort() {
        var chart = RenderedChart.render();
        Map<String, Object> gatewayPods = podLabels(chart, "gateway-service");

        BEHIND_GATEWAY.forEach((service, port) -> {
            Map<String, Object> policy = chart.named("NetworkPolicy", "cloudya-" + service);
            List<Map<String, Object>> rules = at(policy, "spec", "ingress");

            assertThat(selects(at(policy, "spec", "podSelector", "matchLabels"), podLabels(chart, service)))
                    .as("%s policy selects its pods", service).isTrue();
            assertThat((List<String>) at(policy, "spec", "policyTypes")).containsExactly("Ingress");
            assertThat(rules).hasSize(2).allSatisfy(rule -> assertThat((Object) at(rule, "ports"))
                    .isEqualTo(List.of(Map.of("protocol", "TCP", "port", port))));
            Map<String, Object> fromGateway = at(rules.getFirst(), "from", "0", "podSelector", "matchLabels");
            assertThat(selects(fromGateway, gatewayPods)).as("%s lets the gateway in", service).isTrue();
            for (String other : BEHIND_GATEWAY.keySet()) {
                assertThat(selects(fromGateway, podLabels(chart, other))).as("%s lets %s in", service, other)
                        .isFalse();
            }
            assertThat((Object) at(rules.get(1), "from", "0", "namespaceSelector", "matchLabels"))
                    .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
        });
    }

    @Test
    void takesTheMetricsScraperFromValues() {
        var chart = RenderedChart.render("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.team=obs");

        for (Map<String, Object> policy : chart.ofKind("NetworkPolicy")) {
            assertThat((Object) at(policy, "spec", "ingress", "1", "from"))
                    .isEqualTo(List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("team", "obs")))));
        }
    }

    @Test
    void letsOnlyTheGatewayInWithoutAScraper() {
        var chart = RenderedChart.render("networkPolicy.metricsFrom=null");

        assertThat(chart.ofKind("NetworkPolicy")).hasSize(5)
                .allSatisfy(policy -> assertThat((List<?>) at(policy, "spec", "ingress")).hasSize(1));
    }

    @Test
    void rendersNoPolicyWhenSwitchedOff() {
        assertThat(RenderedChart.render("networkPolicy.enabled=false").ofKind("NetworkPolicy")).isEmpty();
    }

    private static Map<String, Object> podLabels(RenderedChart chart, String service) {
        return at(chart.named("Deployment", "cloudya-" + service), "spec", "template", "metadata", "labels");
    }

    /** Kubernetes' matchLabels semantics: every selector label present on the pod with the same value. */
    private static boolean selects(Map<String, Object> matchLabels, Map<String, Object> podLabels) {
        return !matchLabels.isEmpty() && podLabels.entrySet().containsAll(matchLabels.entrySet());
    }
}
