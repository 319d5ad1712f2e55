package io.cloudya.command.outcome;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.outbox.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The ai-worker's verdicts share command.events with this service's own CommandRequested: only the verdicts are
 * read, the rest is dropped by header, before the dedup and any parsing.
 */
class AiJobOutcomeListenerTest {

    private final AiJobCompletedHandler completed = mock(AiJobCompletedHandler.class);
    private final AiJobFailedHandler failed = mock(AiJobFailedHandler.class);
    private final FirstDeliveries deliveries = mock(FirstDeliveries.class);
    private final AnswerRouter answers = mock(AnswerRouter.class);
    private final AiJobOutcomeListener listener = new AiJobOutcomeListener(completed, failed, deliveries, answers);

    @Test
    void dropsItsOwnCommandRequestedUnparsed() {
        assertThatCode(() -> listener.onAiJobEvent(record(Topics.COMMAND_EVENTS, "CommandRequested", "not json")))
                .doesNotThrowAnyException();

        verifyNoInteractions(completed, failed, deliveries, answers);
    }

    @Test
    void dropsTheLegacyCommandCompletedOfAnOlderInstanceUnparsed() {
        listener.onAiJobEvent(record(Topics.COMMAND_EVENTS, "CommandCompleted", "not json"));

        verifyNoInteractions(completed, failed, deliveries, answers);
    }

    @Test
    void readsTheVerdictsOnTheCommandsTopic() {
        assertThatThrownBy(() -> listener.onAiJobEvent(record(Topics.COMMAND_EVENTS, "AiJobCompleted", "not json")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void appliesThenRoutesTheVerdict() {
        var verdict = EventEnvelope.of("u1", null, new AiJobFailed(UUID.randomUUID(), "u1", "deadline_passed",
                "The answer was not ready before the deadline."));
        var record = record(Topics.COMMAND_EVENTS, verdict.type(), EventJson.write(verdict));

        listener.onAiJobEvent(record);

        var inOrder = inOrder(failed, answers);
        inOrder.verify(failed).handle(any(), eq(verdict.payload()));
        inOrder.verify(answers).route(record, verdict.payload());
        verifyNoInteractions(completed);
    }

    private static ConsumerRecord<String, String> record(String topic, String type, String value) {
        var record = new ConsumerRecord<>(topic, 0, 0, "u1", value);
        record.headers().add(RecordHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
