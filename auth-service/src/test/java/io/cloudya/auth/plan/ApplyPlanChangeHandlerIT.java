package io.cloudya.auth.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.auth.AuthApi;
import io.cloudya.auth.RecordingFastPath;
import io.cloudya.auth.account.UserRepository;
import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionStarted;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(RecordingFastPath.Config.class)
class ApplyPlanChangeHandlerIT {

    @LocalServerPort int port;
    @Autowired ApplyPlanChangeHandler handler;
    @Autowired UserRepository users;
    AuthApi api;
    String userId;

    @BeforeEach
    void setUp() {
        api = new AuthApi("http://127.0.0.1:" + port);
        userId = api.register(AuthApi.newEmail()).body().path("user_id").asString();
    }

    @Test
    void shouldPutNewPlanIntoNextTokensAndApiKeyChecks() {
        handler.handle(envelope(started("pro")));

        assertThat(plan()).isEqualTo("pro");
        assertThat(api.get("/api/auth/me", "X-User-Id", userId).body().path("plan").asString()).isEqualTo("pro");
    }

    @Test
    void shouldApplyEachEventIdOnce() {
        var event = envelope(started("pro"));

        assertThat(handler.handle(event)).isTrue();
        assertThat(handler.handle(event)).isFalse();
    }

    @Test
    void shouldKeepPaidPlanUntilCancellationTakesEffect() {
        handler.handle(envelope(started("pro")));
        Instant periodEnd = Instant.now().plus(10, ChronoUnit.DAYS);

        handler.handle(envelope(new SubscriptionCanceled(userId, "pro", "sub_1", "canceled", periodEnd)));

        assertThat(plan()).isEqualTo("pro");
        var user = users.findById(UUID.fromString(userId)).orElseThrow();
        assertThat(user.effectivePlan(periodEnd.plusSeconds(1))).as(user.toString()).isEqualTo("free");
    }

    @Test
    void shouldApplyImmediateUpgradeAtOnce() {
        handler.handle(envelope(started("starter")));

        handler.handle(envelope(new SubscriptionChanged(userId, "starter", "enterprise", "sub_1", true, Instant.now())));

        assertThat(plan()).isEqualTo("enterprise");
    }

    @Test
    void shouldIgnoreOlderEventDeliveredAfterNewerOne() {
        Instant now = Instant.now();
        handler.handle(at(now, started("pro")));

        handler.handle(at(now.minusSeconds(60), started("starter")));

        assertThat(plan()).isEqualTo("pro");
    }

    private String plan() {
        return users.findById(UUID.fromString(userId)).orElseThrow().effectivePlan(Instant.now());
    }

    private SubscriptionStarted started(String plan) {
        return new SubscriptionStarted(userId, plan, "sub_1", Instant.now(), Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private EventEnvelope<Event> envelope(Event payload) {
        return at(Instant.now(), payload);
    }

    private EventEnvelope<Event> at(Instant occurredAt, Event payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.getClass().getSimpleName(), 1, occurredAt, userId,
                null, payload);
    }
}
