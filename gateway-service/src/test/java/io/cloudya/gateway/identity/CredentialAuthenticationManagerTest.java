package io.cloudya.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.cloudya.gateway.apikey.ApiKeyAuthenticationManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

class CredentialAuthenticationManagerTest {

    private static final String OURS = "http://127.0.0.1:8081";
    private static final String KEYCLOAK = "http://127.0.0.1:8180/realms/cloudya";
    private static final Instant NOW = Instant.now();

    private final VerifiedJwtCache cache = new VerifiedJwtCache(100, Duration.ofMinutes(15), System::nanoTime,
            Instant::now);
    private final List<String> calls = new ArrayList<>();
    private final CredentialAuthenticationManager credentials = new CredentialAuthenticationManager(
            mock(ApiKeyAuthenticationManager.class), Map.of(OURS, named("ours"), KEYCLOAK, named("keycloak")), cache);

    @Test
    void sendsAnUnknownTokenToTheIssuerItNames() {
        String token = unsignedJwt(KEYCLOAK);

        authenticate(token);

        assertThat(calls).containsExactly("keycloak");
    }

    @Test
    void refusesAnUnknownTokenFromAnUntrustedIssuer() {
        String token = unsignedJwt("https://evil.example");

        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void sendsAKnownTokenToItsIssuerWithoutParsingItAgain() {
        // not a parseable JWT: only the cache can tell its issuer
        String token = "verified-earlier";
        cache.around(value -> Mono.just(jwt(value, KEYCLOAK))).decode(token).block();

        authenticate(token);

        assertThat(calls).containsExactly("keycloak");
    }

    private Authentication authenticate(String token) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tokens/balance")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return credentials.forExchange(exchange).authenticate(new BearerTokenAuthenticationToken(token)).block();
    }

    private ReactiveAuthenticationManager named(String name) {
        return authentication -> {
            calls.add(name);
            return Mono.just(authentication);
        };
    }

    private static Jwt jwt(String token, String issuer) {
        return Jwt.withTokenValue(token).header("alg", "ES256").claim("iss", issuer).subject("user-1")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300)).build();
    }

    private static String unsignedJwt(String issuer) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"user-1\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + url.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }
}
