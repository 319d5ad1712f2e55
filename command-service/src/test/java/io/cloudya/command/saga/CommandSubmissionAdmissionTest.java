package io.cloudya.command.saga;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.cloudya.command.admission.Admission;
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
import org.junit.jupiter.api.Test;

/** What the submission does with admission's verdict; the verdicts themselves: admission.AdmissionTest. */
class CommandSubmissionAdmissionTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final CommandProperties PROPERTIES = new CommandProperties(ANSWER_TIMEOUT, 4000, "answers",
            List.of("pro"), List.of("pro", "enterprise"), Map.of(), 5, 2);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubmitCommandHandler handler = mock(SubmitCommandHandler.class);
    private final Admission admission = mock(Admission.class);
    private final PendingAnswers pending = mock(PendingAnswers.class);
    private final CommandSubmission submission = new CommandSubmission(handler, admission, pending, PROPERTIES,
            Clock.systemUTC(), meters);

    @Test
    void storesAndParksNothingWhenAdmissionTurnsTheCommandAway() {
        doThrow(ApiException.overloaded("busy", Duration.ofSeconds(2))).when(admission).admit("free");

        assertThatThrownBy(() -> submit("free")).isInstanceOf(ApiException.class);

        verify(handler, never()).handle(any());
        verify(pending, never()).register(any(), any(), any());
    }

    @Test
    void parksTheRequestForTheJobsOwnDeadlineWhoseVerdictTheAiWorkerSends() {
        // the job's deadline is acceptedAt + answer-timeout: the request waits that long (and PendingAnswers' grace)
        UUID id = submit("free");

        verify(admission).admit("free");
        verify(handler).handle(any());
        verify(pending).register(eq(id), any(), eq(ANSWER_TIMEOUT));
    }

    private UUID submit(String plan) {
        return submission.submit(Caller.fromHeaders("user-1", plan),
                new ValidCommand("list pods", ExecutionMode.SUGGEST), "req-1", null, answer -> { });
    }
}
