package io.cloudya.command.answer;

import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.token.TokensRejected;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every answer, rejection and chunk (its own consumer group, from "latest") and acts only
 * for the requests it holds; the others find no entry and move on. Nothing is stored here, so no dedup: a second
 * delivery finds the entry gone, a duplicate chunk is dropped by its sequence. One consumer for the three topics
 * keeps one user's chunks in partition order. See README.md for why a broadcast.
 */
@Component
class AnswerBroadcastListener {

    static final String LISTENER_ID = "command-answers";

    private final PendingAnswers pending;
    private final CompletedAnswers completed;

    AnswerBroadcastListener(PendingAnswers pending, CompletedAnswers completed) {
        this.pending = pending;
        this.completed = completed;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = {Topics.AI_JOB_EVENTS, Topics.RESERVATION_EVENTS, Topics.AI_ANSWER_CHUNKS},
            groupId = "${cloudya.command.answers-group}", properties = "auto.offset.reset=latest")
    void onEvent(String json) {
        InboundEvents.read(json).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case AiAnswerChunk chunk -> pending.chunk(chunk);
                case AiJobCompleted answer -> pending.complete(answer.commandId(), "completed",
                        () -> completed.of(answer));
                case AiJobFailed failure -> pending.complete(failure.commandId(), "failed",
                        () -> AnswerResponses.failed(failure));
                case TokensRejected rejected -> pending.complete(rejected.commandId(), "rejected",
                        () -> AnswerResponses.insufficientTokens(rejected));
                default -> { }
            }
        });
    }
}
