package io.cloudya.command.outcome;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.outbox.RecordHeaders;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The durable reader of the ai-worker's outcomes (one group for all instances); transport only. After each step, the
 * outcome goes on to the request waiting for it ({@link AnswerRouter}). The outcomes share the command's topic
 * (the ledger must read them in order with the user's next command), so this service's own CommandRequested
 * records come by too and are dropped unparsed; {@code ai-job.events} is where outcomes went before 2026-11-28.
 */
@Component
class AiJobOutcomeListener {

    private static final Set<String> OUTCOME_TYPES = Set.of(AiJobCompleted.class.getSimpleName(),
            AiJobFailed.class.getSimpleName());

    private final AiJobCompletedHandler completed;
    private final AiJobFailedHandler failed;
    private final FirstDeliveries deliveries;
    private final AnswerRouter answers;

    AiJobOutcomeListener(AiJobCompletedHandler completed, AiJobFailedHandler failed, FirstDeliveries deliveries,
                         AnswerRouter answers) {
        this.completed = completed;
        this.failed = failed;
        this.deliveries = deliveries;
        this.answers = answers;
    }

    @KafkaListener(id = "command-outcomes", topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_EVENTS},
            groupId = FirstDeliveries.GROUP)
    void onAiJobEvent(ConsumerRecord<String, String> record) {
        if (RecordHeaders.typeOutside(record, OUTCOME_TYPES) || deliveries.appliedLately(record)) {
            return;
        }
        InboundEvents.read(record.value()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case AiJobCompleted event -> completed.handle(envelope, event);
                case AiJobFailed event -> failed.handle(envelope, event);
                default -> { }
            }
            answers.route(record, envelope.payload());
        });
    }
}
