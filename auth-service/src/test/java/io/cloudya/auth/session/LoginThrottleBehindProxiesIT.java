package io.cloudya.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.GatewayProcess;
import io.cloudya.auth.RecordingFastPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The per-address login throttle behind the production chain client → ingress → real gateway → auth-service:
 * each request here carries the X-Forwarded-For an ingress controller would send (the client's address, after
 * whatever the client itself wrote), and the gateway appends its own hop, so two trusted hops.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cloudya.auth.trusted-proxy-hops=2")
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class LoginThrottleBehindProxiesIT {

    static final int ADDRESS_MAX_FAILURES = 20;
    static GatewayProcess gateway;

    @LocalServerPort int authPort;
    AuthApi api;
    String email;

    @BeforeEach
    void setUp() throws Exception {
        if (gateway == null) {
            // no command route is called here: the command upstream may point anywhere
            gateway = GatewayProcess.start("http://127.0.0.1:" + authPort, "http://127.0.0.1:1");
        }
        api = new AuthApi(gateway.baseUrl());
        email = AuthApi.newEmail();
        api.register(email);
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void shouldThrottleTwoClientsBehindTheSameProxiesSeparately() {
        String attacker = newAddress();
        String neighbour = newAddress();
        failManyLogins(attacker, null);

        assertThat(loginFrom(neighbour).status()).isEqualTo(200);
        assertThat(loginFrom(attacker).status()).isEqualTo(429);
    }

    @Test
    void shouldNotLetClientEscapeByWritingItsOwnForwardedFor() {
        String attacker = newAddress();
        // a fresh made-up address in front of every attempt: the ingress still appends the real one
        failManyLogins(attacker, "spoofed-");

        var spoofed = loginFrom(newAddress() + ", " + attacker);

        assertThat(spoofed.status()).isEqualTo(429);
        assertThat(spoofed.body().path("code").asString()).isEqualTo("too_many_attempts");
    }

    private void failManyLogins(String clientAddress, String spoofPrefix) {
        for (int i = 0; i < ADDRESS_MAX_FAILURES; i++) {
            String chain = spoofPrefix == null ? clientAddress : spoofPrefix + newAddress() + ", " + clientAddress;
            var failed = api.post("/api/auth/login", Map.of("email", AuthApi.newEmail(), "password", "guess 123456"),
                    "X-Forwarded-For", chain);
            assertThat(failed.status()).isEqualTo(401);
        }
    }

    private AuthApi.Response loginFrom(String forwardedFor) {
        return api.post("/api/auth/login", Map.of("email", email, "password", AuthApi.STRONG_PASSWORD),
                "X-Forwarded-For", forwardedFor);
    }

    /** Unique per run: the throttle lives in the database and outlasts a test run. */
    private static String newAddress() {
        return "test-" + UUID.randomUUID();
    }
}
