package io.cloudya.token.saga;

import io.cloudya.contracts.Topics;
import io.cloudya.token.events.InboundEvents;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Transport only: each poll of the command saga's events, in partition order, to {@link CommandEventBatch}. The
 * ai-worker's outcomes share the command's topic and key, so a user's next CommandRequested is always read after
 * the outcome its client saw; {@code ai-job.events} is where they went before, read for a rolling upgrade. A
 * poll is capped at {@code cloudya.token.saga-batch-max} records, which bounds how long one batch transaction holds
 * its accounts' locks and delays the first event's answer.
 */
@Component
class CommandEventsListener {

    private final CommandEventBatch batch;

    CommandEventsListener(CommandEventBatch batch) {
        this.batch = batch;
    }

    @KafkaListener(id = "token-commands", topics = {Topics.COMMAND_EVENTS, Topics.AI_JOB_EVENTS},
            groupId = InboundEvents.GROUP, batch = "true",
            properties = "max.poll.records=${cloudya.token.saga-batch-max:100}")
    void onCommandEvents(List<ConsumerRecord<String, String>> records) {
        batch.apply(records);
    }
}
