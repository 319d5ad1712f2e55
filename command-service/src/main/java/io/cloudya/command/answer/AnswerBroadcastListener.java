package io.cloudya.command.answer;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every answer (its own consumer group, from "latest") and completes the HTTP request
 * if it is the one holding it; the others find no entry and move on. Nothing is stored here, so no dedup:
 * a second delivery finds the entry already gone. See README.md for why a broadcast.
 */
@Component
class AnswerBroadcastListener {

    static final String LISTENER_ID = "command-answers";

    private final PendingAnswers pending;

    AnswerBroadcastListener(PendingAnswers pending) {
        this.pending = pending;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.AI_JOB_EVENTS, groupId = "${cloudya.command.answers-group}",
            properties = "auto.offset.reset=latest")
    void onAiJobEvent(String json) {
        InboundEvents.read(json).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case AiJobCompleted answer ->
                        pending.complete(answer.commandId(), "completed", mode -> AnswerResponses.completed(answer, mode));
                case AiJobFailed failure ->
                        pending.complete(failure.commandId(), "failed", mode -> AnswerResponses.failed(failure));
                default -> { }
            }
        });
    }
}
