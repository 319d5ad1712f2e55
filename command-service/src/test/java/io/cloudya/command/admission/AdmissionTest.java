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

    private static final int LIMIT = 50;
    private static final int RESERVED_FOR_PRIORITY = 10;
    private static final int STANDARD_SHARE = LIMIT - RESERVED_FOR_PRIORITY;
    private static final CommandProperties PROPERTIES = new CommandProperties(Duration.ofSeconds(30), 4000,
            "answers", List.of("pro"), List.of("pro", "enterprise"), Map.of(), LIMIT, RESERVED_FOR_PRIORITY);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAnswers pending = new PendingAnswers(Executors.newSingleThreadScheduledExecutor(), meters);
    private final AtomicLong now = new AtomicLong();
    private final QueueDelay queueDelay = new QueueDelay(Duration.ofSeconds(1), Duration.ofSeconds(2), now::get);
    private final Admission admission = new Admission(pending, PROPERTIES,
            new AdmissionProperties(Duration.ofSeconds(2), 10, Duration.ofSeconds(1)), queueDelay, meters);

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
    void turnsStandardPlansAwayWhileAQueueStandsOnceTheSagaServesNoMore() {
        queueStands(12);  // 12 answers a second, 0.5 s of model time + 2 s of queueing: 30 may wait
        park(29);
        admission.admit("free");
        park(1);

        assertOverloaded("free");
        assertOverloaded("starter");

        assertThat(refused("standard", "queue_limit")).isEqualTo(2);
        assertThat(meters.get("commands.admission.limit").gauge().value()).isEqualTo(30.0);
        assertThat(meters.get("commands.queue.delay").gauge().value()).as("the shortest wait").isEqualTo(3.0);
    }

    @Test
    void keepsThePriorityLaneOpenPastTheQueueLimit() {
        queueStands(12);
        park(30);

        admission.admit("pro");
        admission.admit("enterprise");
    }

    @Test
    void setsNoQueueLimitWithoutAStandingQueue() {
        park(30);

        admission.admit("free");
        assertThat(meters.get("commands.admission.limit").gauge().value()).isNaN();
    }

    @Test
    void leavesOnlyTheHeapGuardWhenTheTargetIsZero() {
        var noTarget = new QueueDelay(Duration.ofSeconds(1), Duration.ZERO, now::get);
        Admission heapGuardOnly = new Admission(pending, PROPERTIES,
                new AdmissionProperties(Duration.ZERO, 10, Duration.ofSeconds(1)), noTarget, meters);
        noTarget.record(Duration.ofSeconds(3), Duration.ofMillis(500));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        park(STANDARD_SHARE - 1);

        heapGuardOnly.admit("free");
    }

    /** An interval in which {@code answers} commands were answered, each after 3 s of queueing and 0.5 s of model. */
    private void queueStands(int answers) {
        for (int i = 0; i < answers; i++) {
            queueDelay.record(Duration.ofSeconds(3), Duration.ofMillis(500));
        }
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
