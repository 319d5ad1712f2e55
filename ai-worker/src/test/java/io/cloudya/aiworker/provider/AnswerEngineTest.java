package io.cloudya.aiworker.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.contracts.command.ExecutionMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerEngineTest {

    private static final AnswerRequest QUESTION = new AnswerRequest("list pods", ExecutionMode.SUGGEST);

    @Test
    void shouldReportTheProviderThatActuallyAnswered() {
        var engine = new AnswerEngine(List.of(provider("remote-llm", null), provider("second", "m-2")));

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
        var engine = new AnswerEngine(List.of(failing, provider("offline-kb", "kb")));

        assertThat(engine.answer(QUESTION).provider()).isEqualTo("offline-kb");
    }

    @Test
    void shouldFailWhenNoProviderAnswers() {
        var engine = new AnswerEngine(List.of(provider("a", null)));

        assertThatThrownBy(() -> engine.answer(QUESTION)).isInstanceOf(NoProviderAnsweredException.class);
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
