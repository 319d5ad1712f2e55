package io.cloudya.command.answer;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.outbox.RecentDeliveries;
import io.cloudya.outbox.RecordHeaders;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every answer, rejection, settlement and chunk (its own consumer group, from "latest") and acts only
 * for the requests it holds; the others find no entry and move on. Nothing is stored here, so no dedup: a second
 * delivery finds the entry gone, a duplicate chunk is dropped by its sequence. One consumer for the three topics
 * keeps one user's chunks in partition order. See README.md for why a broadcast. A 200 answer waits for the
 * ledger's ReservationSettled as well (up to settlement-wait), for the exact balance after this command.
 *
 * <p>Half of what arrives needs no parsing: the relay's copy of an event handled here lately, and the event types
 * no answer waits for (reservations, releases), both told by the record's headers.
 */
@Component
class AnswerBroadcastListener {

    static final String LISTENER_ID = "command-answers";

    private static final Set<String> ANSWERING_TYPES = Set.of(AiAnswerChunk.class.getSimpleName(),
            AiJobCompleted.class.getSimpleName(), AiJobFailed.class.getSimpleName(),
            ReservationSettled.class.getSimpleName(), TokensRejected.class.getSimpleName());
    private static final String GROUP = LISTENER_ID;

    private final PendingAnswers pending;
    private final CompletedAnswers completed;
    private final Duration settlementWait;
    // its own memory: chunks are many, and the durable group's dedup must not lose its ids to them
    private final RecentDeliveries handled = new RecentDeliveries(4096);

    AnswerBroadcastListener(PendingAnswers pending, CompletedAnswers completed, CommandProperties properties) {
        this.pending = pending;
        this.completed = completed;
        this.settlementWait = properties.settlementWait();
    }

    @KafkaListener(id = LISTENER_ID,
            topics = {Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS},
            groupId = "${cloudya.command.answers-group}", properties = "auto.offset.reset=latest")
    void onEvent(ConsumerRecord<String, String> record) {
        String id = RecordHeaders.text(record, RecordHeaders.ID);
        if (RecordHeaders.typeOutside(record, ANSWERING_TYPES) || handled.contains(GROUP, id)) {
            return;
        }
        InboundEvents.read(record.value()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case AiAnswerChunk chunk -> pending.chunk(chunk);
                case AiJobCompleted answer -> pending.answered(answer.commandId(), settlementWait,
                        settlement -> completed.of(answer, settlement));
                case ReservationSettled settlement -> pending.settled(settlement);
                case AiJobFailed failure -> pending.complete(failure.commandId(), "failed",
                        () -> AnswerResponses.failed(failure));
                case TokensRejected rejected -> pending.complete(rejected.commandId(), "rejected",
                        () -> AnswerResponses.insufficientTokens(rejected));
                default -> { }
            }
            if (!(envelope.payload() instanceof AiAnswerChunk)) {
                handled.remember(GROUP, envelope.id().toString());
            }
        });
    }
}
