package io.cloudya.command.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.web.ApiException;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.command.ExecutionMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CommandSubmissionAdmissionTest {

    private static final int LIMIT = 5;
    private static final int RESERVED_FOR_PRIORITY = 2;
    private static final int STANDARD_SHARE = LIMIT - RESERVED_FOR_PRIORITY;

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final CommandProperties PROPERTIES = new CommandProperties(ANSWER_TIMEOUT, 4000, "answers",
            List.of("pro"), List.of("pro", "enterprise"), Map.of(), LIMIT, RESERVED_FOR_PRIORITY);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAnswers pending = new PendingAnswers(Executors.newSingleThreadScheduledExecutor(), meters);
    private final SubmitCommandHandler handler = mock(SubmitCommandHandler.class);
    private final CommandSubmission submission = new CommandSubmission(handler, pending, PROPERTIES,
            Clock.systemUTC(), meters);

    @Test
    void turnsAFreeCommandAwayWithOverloadedOnceTheStandardShareIsFull() {
        park(STANDARD_SHARE);

        assertOverloaded("free");

        verify(handler, never()).handle(any());
        assertThat(pending.size()).isEqualTo(STANDARD_SHARE);
        assertThat(meters.counter("commands.rejected.overloaded", "lane", "standard").count()).isEqualTo(1);
    }

    @Test
    void treatsAStarterCommandAndAnUnknownPlanAsStandardToo() {
        park(STANDARD_SHARE);

        assertOverloaded("starter");
        assertOverloaded(null);

        verify(handler, never()).handle(any());
        assertThat(meters.counter("commands.rejected.overloaded", "lane", "standard").count()).isEqualTo(2);
    }

    @Test
    void stillAdmitsProAndEnterpriseCommandsIntoThePriorityReserveWhenTheStandardShareIsFull() {
        park(STANDARD_SHARE);

        submit("pro");
        submit("Enterprise");

        verify(handler, times(2)).handle(any());
        assertThat(pending.size()).isEqualTo(LIMIT);
    }

    @Test
    void turnsAProCommandAwayWithOverloadedOnceTheWholeLimitIsFull() {
        park(LIMIT);

        assertOverloaded("pro");

        verify(handler, never()).handle(any());
        assertThat(pending.size()).isEqualTo(LIMIT);
        assertThat(meters.counter("commands.rejected.overloaded", "lane", "priority").count()).isEqualTo(1);
    }

    @Test
    void acceptsAFreeCommandBelowTheStandardShare() {
        park(STANDARD_SHARE - 1);

        submit("free");

        verify(handler).handle(any());
        assertThat(pending.size()).isEqualTo(STANDARD_SHARE);
    }

    @Test
    void parksTheRequestForTheJobsOwnDeadlineWhoseVerdictTheAiWorkerSends() {
        // the job's deadline is acceptedAt + answer-timeout: the request waits that long (and PendingAnswers' grace)
        var parked = mock(PendingAnswers.class);
        var submit = new CommandSubmission(handler, parked, PROPERTIES, Clock.systemUTC(), meters);

        UUID id = submit.submit(Caller.fromHeaders("user-1", "free"),
                new ValidCommand("list pods", ExecutionMode.SUGGEST), "req-1", null, answer -> { });

        verify(handler).handle(any());
        verify(parked).register(eq(id), any(), eq(ANSWER_TIMEOUT));
    }

    private void park(int requests) {
        for (int i = 0; i < requests; i++) {
            pending.register(UUID.randomUUID(), answer -> { }, Duration.ofMinutes(1));
        }
    }

    private UUID submit(String plan) {
        return submission.submit(Caller.fromHeaders("user-1", plan),
                new ValidCommand("list pods", ExecutionMode.SUGGEST), "req-1", null, answer -> { });
    }

    private void assertOverloaded(String plan) {
        assertThatThrownBy(() -> submit(plan))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.toError().code()).isEqualTo("overloaded");
                    assertThat(e.toError().requiredPlan()).isNull();
                });
    }
}
