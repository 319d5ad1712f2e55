package io.cloudya.command.outcome;

import io.cloudya.command.answer.AnswerRouter;
import io.cloudya.command.events.FirstDeliveries;
import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The durable reader of the ai-worker's outcomes (one group for all instances); transport only. After each step, the
 * outcome goes on to the request waiting for it ({@link AnswerRouter}).
 */
@Component
class AiJobOutcomeListener {

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

    @KafkaListener(id = "command-outcomes", topics = Topics.AI_JOB_EVENTS, groupId = FirstDeliveries.GROUP)
    void onAiJobEvent(ConsumerRecord<String, String> record) {
        if (deliveries.appliedLately(record)) {
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
