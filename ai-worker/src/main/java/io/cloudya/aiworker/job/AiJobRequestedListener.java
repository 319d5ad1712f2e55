package io.cloudya.aiworker.job;

import io.cloudya.aiworker.config.AiJobListenerConfig;
import io.cloudya.aiworker.lane.InOrderAcks;
import io.cloudya.aiworker.lane.JobLane;
import io.cloudya.aiworker.lane.Lanes;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.UnknownEventTypeException;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.outbox.ProcessedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Transport only: reads AiJobRequested from both lanes and hands it to the {@link JobDispatcher}, which runs it
 * on a worker thread of the record's lane; the record is acknowledged in offset order once its job is settled.
 * Each lane has its own container and its own bound, so a backlog of Free/Starter jobs never queues ahead of a
 * Pro/Enterprise one nor takes its slots.
 */
@Component
class AiJobRequestedListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(AiJobRequestedListener.class);

    private final JobDispatcher dispatcher;
    private final Lanes lanes;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final InOrderAcks acks = new InOrderAcks();

    AiJobRequestedListener(JobDispatcher dispatcher, Lanes lanes, ProcessedEvents processed, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.lanes = lanes;
        this.processed = processed;
        this.meters = meters;
    }

    @KafkaListener(id = "ai-jobs-priority", topics = Topics.AI_JOB_REQUESTS_PRIORITY, groupId = RunAiJobHandler.GROUP,
            containerFactory = AiJobListenerConfig.FACTORY)
    void onPriorityJob(ConsumerRecord<String, String> record, Acknowledgment ack) {
        receive(lanes.priority(), record, ack);
    }

    @KafkaListener(id = "ai-jobs-standard", topics = Topics.AI_JOB_REQUESTS, groupId = RunAiJobHandler.GROUP,
            containerFactory = AiJobListenerConfig.FACTORY)
    void onStandardJob(ConsumerRecord<String, String> record, Acknowledgment ack) {
        receive(lanes.standard(), record, ack);
    }

    /** Records polled before a rebalance are redelivered from the committed offset: stop awaiting them. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        acks.forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        acks.forget(assignments.keySet());
    }

    private void receive(JobLane lane, ConsumerRecord<String, String> record, Acknowledgment ack) {
        InOrderAcks.Ticket ticket = acks.track(record, ack);
        if (processed.appliedLately(RunAiJobHandler.GROUP, record)) {
            // the relay's copy of a job answered lately: dropped unparsed, counted as the handler counts it
            meters.counter("ai.jobs", "outcome", "duplicate").increment();
            ticket.done();
            return;
        }
        Optional<RunAiJob> job = read(record);
        if (job.isEmpty()) {
            ticket.done();
            return;
        }
        try {
            dispatcher.dispatch(lane, job.get(), ticket::done);
        } catch (RuntimeException e) {
            // the error handler seeks back to this record, so it is polled again rather than lost
            ticket.abandon();
            throw e;
        }
    }

    private static Optional<RunAiJob> read(ConsumerRecord<String, String> record) {
        try {
            var envelope = EventJson.read(record.value());
            if (envelope.payload() instanceof AiJobRequested job) {
                return Optional.of(new RunAiJob(envelope.id(), envelope.traceId(), job));
            }
        } catch (UnknownEventTypeException e) {
            log.debug("skipping event: {}", e.getMessage());
        } catch (RuntimeException e) {
            // unreadable: no retry can help; skipped like the container's error handler skipped it before
            // the exception's class only: a parser's message may quote the record, i.e. the user's words
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
