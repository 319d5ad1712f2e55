package io.cloudya.command.answer;

import io.cloudya.command.config.CommandProperties;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokensRejected;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every answer, rejection, settlement and chunk (its own consumer group, from "latest") and acts only
 * for the requests it holds; the others find no entry and move on. Nothing is stored here, so no dedup: a second
 * delivery finds the entry gone, a duplicate chunk is dropped by its sequence. One consumer for the three topics
 * keeps one user's chunks in partition order. See README.md for why a broadcast. A 200 answer waits for the
 * ledger's ReservationSettled as well (up to settlement-wait), for the exact balance after this command.
 */
@Component
class AnswerBroadcastListener {

    static final String LISTENER_ID = "command-answers";

    private final PendingAnswers pending;
    private final CompletedAnswers completed;
    private final Duration settlementWait;

    AnswerBroadcastListener(PendingAnswers pending, CompletedAnswers completed, CommandProperties properties) {
        this.pending = pending;
        this.completed = completed;
        this.settlementWait = properties.settlementWait();
    }

    @KafkaListener(id = LISTENER_ID,
            topics = {Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS},
            groupId = "${cloudya.command.answers-group}", properties = "auto.offset.reset=latest")
    void onEvent(String json) {
        InboundEvents.read(json).ifPresent(envelope -> {
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
        });
    }
}
