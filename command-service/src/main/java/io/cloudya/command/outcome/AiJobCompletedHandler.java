package io.cloudya.command.outcome;

import io.cloudya.command.conversation.ChatTranscript;
import io.cloudya.command.events.CommandEvents;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.store.CommandTransitions;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.ai.AiJobCompleted;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the answer, tells the ledger what to charge (CommandCompleted) and, in chat, keeps the reply in the
 * conversation: one transaction. A late answer for a command that timed out changes nothing (its tokens were
 * released with the 504, and the client never saw this answer).
 */
@Component
class AiJobCompletedHandler {

    private static final Logger log = LoggerFactory.getLogger(AiJobCompletedHandler.class);

    private final FirstDeliveries deliveries;
    private final CommandTransitions transitions;
    private final CommandEvents commandEvents;
    private final ChatTranscript transcript;
    private final Clock clock;

    AiJobCompletedHandler(FirstDeliveries deliveries, CommandTransitions transitions, CommandEvents commandEvents,
                          ChatTranscript transcript, Clock clock) {
        this.deliveries = deliveries;
        this.transitions = transitions;
        this.commandEvents = commandEvents;
        this.transcript = transcript;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope<?> envelope, AiJobCompleted answer) {
        if (!deliveries.isFirst(envelope)) {
            return;
        }
        transitions.complete(answer, clock.instant()).ifPresentOrElse(command -> {
            commandEvents.completed(command, command.wordsUsed());
            if (command.conversationId() != null) {
                transcript.recordAnswer(command.conversationId(), command.id(), answer.response(),
                        command.completedAt());
            }
        }, () -> log.info("AiJobCompleted {} changed no reserved command (late or unknown)", envelope.id()));
    }
}
