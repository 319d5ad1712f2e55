package io.cloudya.aiworker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cloudya.aiworker.AiJobRequestedMother;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** A job whose transaction failed is tried again until its deadline has passed; only then is it given up. */
class JobAttemptsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final RunAiJobHandler handler = mock(RunAiJobHandler.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JobAttempts attempts = new JobAttempts(handler, Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void shouldTryAgainAfterAFailedTransactionUntilTheOutcomeCommits() {
        when(handler.handle(any())).thenThrow(new DataAccessResourceFailureException("database restarting"))
                .thenReturn("completed");

        assertThat(attempts.settle(job(NOW.plusSeconds(30)))).isTrue();

        verify(handler, times(2)).handle(any());
        assertThat(meters.find("ai.jobs").tag("outcome", "error").counter()).isNull();
    }

    @Test
    void shouldGiveUpAndCountAnErrorOnceTheDeadlinePassedLongEnoughAgo() {
        when(handler.handle(any())).thenThrow(new DataAccessResourceFailureException("database down"));

        assertThat(attempts.settle(job(NOW.minus(JobAttempts.GRACE).minusSeconds(1)))).isTrue();

        verify(handler, times(1)).handle(any());
        assertThat(meters.get("ai.jobs").tag("outcome", "error").counter().count()).isEqualTo(1.0);
    }

    @Test
    void shouldLeaveTheJobUnsettledWhenInterruptedBeforeTheNextAttempt() {
        when(handler.handle(any())).thenThrow(new DataAccessResourceFailureException("database down"));
        Thread.currentThread().interrupt();
        try {
            assertThat(attempts.settle(job(NOW.plusSeconds(30)))).isFalse();
        } finally {
            Thread.interrupted();
        }
    }

    private static RunAiJob job(Instant deadline) {
        var request = AiJobRequestedMother.job("unit-" + UUID.randomUUID(), "free", "list pods", deadline);
        return new RunAiJob(request.id(), request.traceId(), request.payload());
    }
}
