package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.outbox.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

class AnswerRouterTest {

    private final PendingAnswers pending = mock(PendingAnswers.class);
    private final AnswerEvents answers = mock(AnswerEvents.class);
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final AnswerRouter router = new AnswerRouter(pending, answers, kafka, Runnable::run);
    private final UUID commandId = UUID.randomUUID();

    @Test
    void answersARequestThisInstanceHoldsWithoutKafka() {
        var failure = new AiJobFailed(commandId, "u1", "no_provider", "all providers down");
        when(pending.holds(commandId)).thenReturn(true);

        router.route(record("AiJobFailed", "{failed}"), failure);

        verify(answers).apply(failure);
        verifyNoInteractions(kafka);
    }

    @Test
    @SuppressWarnings("unchecked")
    void passesAnOutcomeForARequestHeldElsewhereOnToEveryInstance() {
        var answer = new AiJobCompleted(commandId, "u1", "kubectl get pods", List.of(), "offline-kb", "kb", 12,
                new HeldTokens(UUID.randomUUID(), 300, 700));

        router.route(record("AiJobCompleted", "{completed}"), answer);

        ArgumentCaptor<ProducerRecord<String, String>> sent = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        assertThat(sent.getValue().topic()).isEqualTo(Topics.COMMAND_REPLIES);
        assertThat(sent.getValue().key()).isEqualTo("u1");
        assertThat(sent.getValue().value()).isEqualTo("{completed}");
        assertThat(new String(sent.getValue().headers().lastHeader(RecordHeaders.EVENT_TYPE).value(),
                StandardCharsets.UTF_8)).isEqualTo("AiJobCompleted");
        assertThat(new String(sent.getValue().headers().lastHeader(RecordHeaders.ID).value(),
                StandardCharsets.UTF_8)).isEqualTo("event-1");
        verifyNoInteractions(answers);
    }

    @Test
    void leavesTheLedgersSettlementAloneForNoRequestWaitsOnIt() {
        var settlement = new ReservationSettled(commandId, "u1", UUID.randomUUID(), 12, 288, 700);
        when(pending.holds(commandId)).thenReturn(true);

        router.route(record("ReservationSettled", "{settled}"), settlement);

        verifyNoInteractions(answers, kafka);
        verify(pending, never()).holds(any());
    }

    private static ConsumerRecord<String, String> record(String type, String value) {
        var record = new ConsumerRecord<>("reservation.events", 0, 0, "u1", value);
        record.headers().add(RecordHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(RecordHeaders.ID, "event-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", "00-aa-bb-01".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
