package io.cloudya.aiworker.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.contracts.command.ExecutionMode;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerEngineTest {

    private static final AnswerRequest QUESTION = new AnswerRequest("list pods", ExecutionMode.SUGGEST);

    private final MockClock time = new MockClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry(SimpleConfig.DEFAULT, time);

    @Test
    void shouldReportTheProviderThatActuallyAnswered() {
        var engine = new AnswerEngine(List.of(provider("remote-llm", null), provider("second", "m-2")), meters);

        ProviderAnswer answer = engine.answer(QUESTION);

        assertThat(answer.provider()).isEqualTo("second");
        assertThat(answer.model()).isEqualTo("m-2");
    }

    @Test
    void shouldAskNextProviderWhenOneFails() {
        AnswerProvider failing = new AnswerProvider() {
            public String name() {
                return "broken";
            }

            public Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream) {
                throw new IllegalStateException("connection refused");
            }
        };
        var engine = new AnswerEngine(List.of(failing, provider("offline-kb", "kb")), meters);

        assertThat(engine.answer(QUESTION).provider()).isEqualTo("offline-kb");
    }

    @Test
    void shouldFailWhenNoProviderAnswers() {
        var engine = new AnswerEngine(List.of(provider("a", null)), meters);

        assertThatThrownBy(() -> engine.answer(QUESTION)).isInstanceOf(NoProviderAnsweredException.class);
    }

    @Test
    void timesTheWholeStreamedAnswerAndItsFirstChunk() {
        AnswerProvider slow = new AnswerProvider() {
            public String name() {
                return "slow";
            }

            public Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream) {
                time.add(Duration.ofMillis(300));
                stream.chunk("Lists ");
                time.add(Duration.ofMillis(900));
                stream.chunk("the pods.");
                return Optional.of(new AnswerDraft("Lists the pods.", List.of(), "m"));
            }
        };

        new AnswerEngine(List.of(slow), meters).answer(QUESTION);

        var call = meters.get(ProviderMetrics.CALLS).tag("provider", "slow").tag("outcome", "success").timer();
        assertThat(call.count()).isEqualTo(1);
        assertThat(call.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1200);
        var firstChunk = meters.get(ProviderMetrics.FIRST_CHUNK).tag("provider", "slow").timer();
        assertThat(firstChunk.count()).isEqualTo(1);
        assertThat(firstChunk.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(300);
    }

    @Test
    void countsADeclinedProviderAndTheFailoverToTheNextOne() {
        new AnswerEngine(List.of(provider("remote-llm", null), provider("second", "m-2")), meters).answer(QUESTION);

        assertThat(meters.get(ProviderMetrics.CALLS).tag("provider", "remote-llm").tag("outcome", "declined")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(ProviderMetrics.CALLS).tag("provider", "second").tag("outcome", "success")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(ProviderMetrics.FAILOVERS).tag("from", "remote-llm").tag("to", "second")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void countsNoFailoverWhenTheFirstProviderAnswers() {
        new AnswerEngine(List.of(provider("first", "m-1"), provider("second", "m-2")), meters).answer(QUESTION);

        assertThat(meters.find(ProviderMetrics.FAILOVERS).counters()).isEmpty();
        assertThat(meters.find(ProviderMetrics.CALLS).tag("provider", "second").timers()).isEmpty();
    }

    @Test
    void countsNoFailoverAfterTheLastProviderFailed() {
        var engine = new AnswerEngine(List.of(provider("first", null), provider("last", null)), meters);

        assertThatThrownBy(() -> engine.answer(QUESTION)).isInstanceOf(NoProviderAnsweredException.class);

        assertThat(meters.get(ProviderMetrics.FAILOVERS).counters()).singleElement()
                .satisfies(c -> assertThat(c.getId().getTag("to")).isEqualTo("last"));
    }

    @Test
    void countsNoFailoverToAProviderNotAskedBecauseTheDeadlinePassed() {
        var request = new AnswerRequest("list pods", ExecutionMode.SUGGEST, Instant.now().plusMillis(50));
        AnswerProvider outlivesTheDeadline = new AnswerProvider() {
            public String name() {
                return "slow";
            }

            public Optional<AnswerDraft> answer(AnswerRequest ignored, AnswerStream stream) {
                while (Instant.now().isBefore(request.deadline())) {
                    Thread.onSpinWait();
                }
                return Optional.empty();
            }
        };
        var engine = new AnswerEngine(List.of(outlivesTheDeadline, provider("next", "m")), meters);

        assertThatThrownBy(() -> engine.answer(request)).isInstanceOf(NoProviderAnsweredException.class);

        assertThat(meters.find(ProviderMetrics.FAILOVERS).counters()).isEmpty();
    }

    private static AnswerProvider provider(String name, String modelOrNullToDecline) {
        return new AnswerProvider() {
            public String name() {
                return name;
            }

            public Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream) {
                return Optional.ofNullable(modelOrNullToDecline)
                        .map(model -> new AnswerDraft("answer from " + name, List.of(), model));
            }
        };
    }
}
