package io.cloudya.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AdmissionTest {

    private static final int LIMIT = 5;
    private static final int RESERVED_FOR_PRIORITY = 2;
    private static final int STANDARD_SHARE = LIMIT - RESERVED_FOR_PRIORITY;
    private static final CommandProperties PROPERTIES = new CommandProperties(Duration.ofSeconds(30), 4000,
            "answers", List.of("pro"), List.of("pro", "enterprise"), Map.of(), LIMIT, RESERVED_FOR_PRIORITY);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAnswers pending = new PendingAnswers(Executors.newSingleThreadScheduledExecutor(), meters);
    private final AtomicLong now = new AtomicLong();
    private final QueueDelay queueDelay = new QueueDelay(Duration.ofSeconds(2), Duration.ofSeconds(1), now::get);
    private double draw = 0.3;
    private final Admission admission = new Admission(pending, PROPERTIES, queueDelay, meters, () -> draw);

    @Test
    void turnsAFreeCommandAwayOnceTheStandardShareIsFull() {
        park(STANDARD_SHARE);

        assertOverloaded("free");

        assertThat(refused("standard", "pending_limit")).isEqualTo(1);
    }

    @Test
    void treatsAStarterCommandAndAnUnknownPlanAsStandardToo() {
        park(STANDARD_SHARE);

        assertOverloaded("starter");
        assertOverloaded(null);

        assertThat(refused("standard", "pending_limit")).isEqualTo(2);
    }

    @Test
    void stillAdmitsProAndEnterpriseIntoThePriorityReserveWhenTheStandardShareIsFull() {
        park(STANDARD_SHARE);

        admission.admit("pro");
        admission.admit("Enterprise");
    }

    @Test
    void turnsAProCommandAwayOnceTheWholeLimitIsFull() {
        park(LIMIT);

        assertOverloaded("pro");

        assertThat(refused("priority", "pending_limit")).isEqualTo(1);
    }

    @Test
    void admitsAFreeCommandBelowTheStandardShare() {
        park(STANDARD_SHARE - 1);

        admission.admit("free");
    }

    @Test
    void turnsStandardPlansAwayWhileAQueueStandsBeforeTheAiWorker() {
        queueStandsFor(Duration.ofSeconds(3));

        assertOverloaded("free");
        assertOverloaded("starter");

        assertThat(refused("standard", "queue_delay")).isEqualTo(2);
        assertThat(meters.get("commands.queue.delay").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void admitsAStandardCommandWhoseDrawFallsOutsideTheShareTurnedAway() {
        queueStandsFor(Duration.ofSeconds(3));  // half of them turned away
        draw = 0.7;

        admission.admit("free");

        assertThat(refused("standard", "queue_delay")).isZero();
    }

    @Test
    void keepsThePriorityLaneOpenWhileAQueueStands() {
        queueStandsFor(Duration.ofSeconds(3));

        admission.admit("pro");
        admission.admit("enterprise");
    }

    @Test
    void admitsStandardPlansAgainOnceAnIntervalHadAFastAnswer() {
        queueStandsFor(Duration.ofSeconds(3));
        queueDelay.record(Duration.ofMillis(15));
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        admission.admit("free");
    }

    private void queueStandsFor(Duration fastestWait) {
        queueDelay.record(fastestWait);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
    }

    private void park(int requests) {
        for (int i = 0; i < requests; i++) {
            pending.register(UUID.randomUUID(), answer -> { }, Duration.ofMinutes(1));
        }
    }

    private double refused(String lane, String reason) {
        return meters.counter("commands.rejected.overloaded", "lane", lane, "reason", reason).count();
    }

    private void assertOverloaded(String plan) {
        assertThatThrownBy(() -> admission.admit(plan)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.toError().code()).isEqualTo("overloaded");
            assertThat(e.toError().requiredPlan()).isNull();
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        });
    }
}
