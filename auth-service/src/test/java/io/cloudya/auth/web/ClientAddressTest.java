package io.cloudya.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.auth.config.AuthProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    /** Behind the Helm chart's ingress: ingress controller and gateway each append one entry. */
    static final int INGRESS_AND_GATEWAY = 2;

    @Test
    void takesTheAddressTheFirstTrustedProxySaw() {
        var address = new ClientAddress(hops(INGRESS_AND_GATEWAY));

        assertThat(address.of(request("198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
    }

    @Test
    void ignoresWhateverTheClientWroteLeftOfTheTrustedHops() {
        var address = new ClientAddress(hops(INGRESS_AND_GATEWAY));

        assertThat(address.of(request("1.1.1.1, 2.2.2.2, 198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
        assertThat(address.of(request("9.9.9.9", "198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
    }

    @Test
    void tellsClientsBehindTheSameProxiesApart() {
        var address = new ClientAddress(hops(INGRESS_AND_GATEWAY));

        assertThat(address.of(request("198.51.100.7, 10.0.0.5")))
                .isNotEqualTo(address.of(request("203.0.113.4, 10.0.0.5")));
    }

    @Test
    void takesTheLastEntryBehindTheGatewayAlone() {
        var address = new ClientAddress(hops(1));

        assertThat(address.of(request("6.6.6.6, 127.0.0.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void takesTheOldestEntryWhenFewerProxiesThanConfiguredAppended() {
        var address = new ClientAddress(hops(3));

        assertThat(address.of(request("198.51.100.7, 10.0.0.5"))).isEqualTo("198.51.100.7");
    }

    @Test
    void usesThePeerWithoutForwardedHeaderOrWithZeroHops() {
        assertThat(new ClientAddress(hops(2)).of(request())).isEqualTo("10.0.0.9");
        assertThat(new ClientAddress(hops(0)).of(request("198.51.100.7"))).isEqualTo("10.0.0.9");
    }

    @Test
    void refusesNegativeHopCount() {
        assertThatThrownBy(() -> hops(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MockHttpServletRequest request(String... forwardedFor) {
        var request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setRemoteAddr("10.0.0.9");
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    private static AuthProperties hops(int trustedProxyHops) {
        return new AuthProperties(URI.create("http://127.0.0.1:8081"), "cloudya-api", Duration.ofMinutes(15),
                Duration.ofDays(30), new AuthProperties.Signing(Duration.ofDays(30), Duration.ofMinutes(1)),
                new AuthProperties.LoginThrottle(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15)),
                trustedProxyHops, Map.of());
    }
}
