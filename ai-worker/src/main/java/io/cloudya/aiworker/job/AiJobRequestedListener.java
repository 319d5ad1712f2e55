package io.cloudya.aiworker.job;

import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.UnknownEventTypeException;
import io.cloudya.contracts.command.AiJobRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Transport only: reads AiJobRequested from both lanes and hands it to {@link RunAiJobHandler}. Each lane has
 * its own container, so a backlog of Free/Starter jobs never queues ahead of a Pro/Enterprise one.
 */
@Component
class AiJobRequestedListener {

    private static final Logger log = LoggerFactory.getLogger(AiJobRequestedListener.class);

    private final RunAiJobHandler handler;

    AiJobRequestedListener(RunAiJobHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "ai-jobs-priority", topics = Topics.AI_JOB_REQUESTS_PRIORITY, groupId = RunAiJobHandler.GROUP)
    void onPriorityJob(String json) {
        run(json);
    }

    @KafkaListener(id = "ai-jobs-standard", topics = Topics.AI_JOB_REQUESTS, groupId = RunAiJobHandler.GROUP)
    void onStandardJob(String json) {
        run(json);
    }

    private void run(String json) {
        try {
            var envelope = EventJson.read(json);
            if (envelope.payload() instanceof AiJobRequested job) {
                handler.handle(new RunAiJob(envelope.id(), envelope.traceId(), job));
            }
        } catch (UnknownEventTypeException e) {
            log.debug("skipping event: {}", e.getMessage());
        }
    }
}
