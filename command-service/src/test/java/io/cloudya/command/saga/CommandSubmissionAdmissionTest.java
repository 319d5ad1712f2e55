package io.cloudya.command.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.cloudya.command.answer.PendingAnswers;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.outcome.AnswerTimeoutHandler;
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

    private static final int LIMIT = 3;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PendingAnswers pending = new PendingAnswers(Executors.newSingleThreadScheduledExecutor(), meters);
    private final SubmitCommandHandler handler = mock(SubmitCommandHandler.class);
    private final CommandSubmission submission = new CommandSubmission(handler, pending,
            mock(AnswerTimeoutHandler.class), new CommandProperties(Duration.ofSeconds(30), 4000, "answers",
                    List.of("pro"), List.of("pro"), Map.of(), Duration.ofSeconds(2), LIMIT),
            Clock.systemUTC(), meters);

    @Test
    void turnsANewCommandAwayWithOverloadedOnceTheInstanceHoldsItsLimitOfWaitingAnswers() {
        for (int i = 0; i < LIMIT; i++) {
            pending.register(UUID.randomUUID(), answer -> { }, Duration.ofMinutes(1), () -> { });
        }

        assertThatThrownBy(() -> submission.submit(new Caller("user-1", "free"),
                new ValidCommand("list pods", ExecutionMode.SUGGEST), "req-1", null, answer -> { }))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.toError().code()).isEqualTo("overloaded");
                });
        verify(handler, never()).handle(any());
        assertThat(pending.size()).isEqualTo(LIMIT);
        assertThat(meters.counter("commands.rejected.overloaded").count()).isEqualTo(1);
    }

    @Test
    void acceptsACommandBelowTheLimit() {
        submission.submit(new Caller("user-1", "free"), new ValidCommand("list pods", ExecutionMode.SUGGEST),
                "req-2", null, answer -> { });

        verify(handler).handle(any());
        assertThat(pending.size()).isEqualTo(1);
    }
}
