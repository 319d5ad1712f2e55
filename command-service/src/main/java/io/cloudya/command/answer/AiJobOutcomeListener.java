package io.cloudya.command.answer;

import io.cloudya.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The durable reader of answers (one group for all instances): records each outcome on its command row. */
@Component
class AiJobOutcomeListener {

    private final RecordAiJobOutcomeHandler handler;

    AiJobOutcomeListener(RecordAiJobOutcomeHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "command-outcomes", topics = Topics.AI_JOB_EVENTS, groupId = RecordAiJobOutcomeHandler.GROUP)
    void onAiJobEvent(String json) {
        InboundEvents.read(json).ifPresent(handler::handle);
    }
}
