package io.cloudya.helm;

import static io.cloudya.helm.RenderedChart.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** auth-service counts the proxies in front of it to find a login's client address (its throttle key). */
class TrustedProxyHopsTest {

    @Test
    void countsOnlyTheGatewayWithoutTheIngress() {
        assertThat(hops(RenderedChart.render())).isEqualTo("1");
    }

    @Test
    void countsTheIngressControllerAndTheGatewayWithTheIngress() {
        assertThat(hops(RenderedChart.render("ingress.enabled=true"))).isEqualTo("2");
    }

    @Test
    void takesAnExplicitCountForFurtherProxies() {
        assertThat(hops(RenderedChart.render("ingress.enabled=true", "trustedProxyHops=3"))).isEqualTo("3");
    }

    private static String hops(RenderedChart chart) {
        return at(chart.named("ConfigMap", "cloudya-auth-service"), "data", "TRUSTED_PROXY_HOPS");
    }
}
