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
    private final QueueDelay queueDelay = new QueueDelay(Duration.ofSeconds(1), now::get);
    private final SagaLimit sagaLimit = new SagaLimit(STANDARD_SHARE, SagaLimitTest.SETTINGS, now::get);
    private final Admission admission = admission(SagaLimitTest.SETTINGS);

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
    void turnsStandardPlansAwayOnceTheSagaLimitIsReached() {
        sagaLimitFalls();
        park(sagaLimit.current());

        assertOverloaded("free");
        assertOverloaded("starter");

        assertThat(refused("standard", "saga_limit")).isEqualTo(2);
        assertThat(meters.get("commands.admission.limit").gauge().value()).isEqualTo(sagaLimit.current());
    }

    @Test
    void admitsAStandardCommandBelowTheSagaLimit() {
        sagaLimitFalls();
        park(sagaLimit.current() - 1);

        admission.admit("free");
    }

    @Test
    void keepsThePriorityLaneOpenPastTheSagaLimit() {
        sagaLimitFalls();
        park(sagaLimit.current());

        admission.admit("pro");
        admission.admit("enterprise");
    }

    @Test
    void leavesOnlyTheHeapGuardWhenTheSagaLimitIsSwitchedOff() {
        var off = new AdmissionProperties(false, 10, 1.5, Duration.ofMillis(200), Duration.ofSeconds(1));
        Admission heapGuardOnly = admission(off);
        sagaLimitFalls();
        park(STANDARD_SHARE - 1);

        heapGuardOnly.admit("free");
    }

    @Test
    void exportsTheShortestWaitOfTheLastInterval() {
        queueDelay.record(Duration.ofSeconds(3));
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(meters.get("commands.queue.delay").gauge().value()).isEqualTo(3.0);
    }

    /** Answers that start queueing while the commands in flight fill the limit. */
    private void sagaLimitFalls() {
        for (int window = 0; window < 70; window++) {
            for (int answer = 0; answer < 20; answer++) {
                now.addAndGet(Duration.ofMillis(10).toNanos());
                sagaLimit.record(Duration.ofMillis(window < 50 ? 20 : 400), sagaLimit.current());
            }
        }
        assertThat(sagaLimit.current()).isLessThan(STANDARD_SHARE * 3 / 4);
    }

    private Admission admission(AdmissionProperties settings) {
        return new Admission(pending, PROPERTIES, settings, sagaLimit, queueDelay, meters);
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
