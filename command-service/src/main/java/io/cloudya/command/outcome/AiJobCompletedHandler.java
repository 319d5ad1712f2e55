package io.cloudya.command.outcome;

import io.cloudya.command.admission.QueueDelay;
import io.cloudya.command.conversation.ChatTranscript;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobCompleted;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the answer and, in chat, keeps the reply in the conversation: one transaction. The ledger settles from
 * the same event, so nothing is sent to it. A row already ended changes nothing (a duplicate, or a command that
 * timed out before 2026-11-28, when this service decided the deadline and released the tokens itself).
 */
@Component
class AiJobCompletedHandler {

    private static final Logger log = LoggerFactory.getLogger(AiJobCompletedHandler.class);

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final ChatTranscript transcript;
    private final QueueDelay queueDelay;
    private final Clock clock;

    AiJobCompletedHandler(FirstDeliveries deliveries, CommandTransitions transitions, ChatTranscript transcript,
                          QueueDelay queueDelay, Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.transcript = transcript;
        this.queueDelay = queueDelay;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, AiJobCompleted answer) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        transitions.complete(answer, clock.instant()).ifPresentOrElse(command -> {
            if (answer.startedAt() != null) {
                // the saga's own time: acceptance to this verdict recorded, less what the model took (each difference
                // is taken on one host's clock, so the hosts' clocks need not agree)
                Duration model = Duration.between(answer.startedAt(), envelope.occurredAt());
                queueDelay.record(Duration.between(command.createdAt(), command.completedAt()).minus(model), model);
            }
            if (command.conversationId() != null) {
                transcript.recordAnswer(command.conversationId(), command.id(), answer.response(),
                        command.completedAt());
            }
        }, () -> log.info("AiJobCompleted {} changed no reserved command (late or unknown)", envelope.id()));
    }
}
