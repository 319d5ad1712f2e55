package io.cloudya.command.answer;

import io.cloudya.command.events.InboundEvents;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.outbox.RecentDeliveries;
import io.cloudya.outbox.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every instance reads every reply routed across instances ({@link AnswerRouter}) and every chunk (its own consumer
 * group, from "latest") and acts only for the requests it holds; the others find no entry and move on. Nothing is
 * stored here, so no dedup: a second delivery finds the entry gone, a duplicate chunk is dropped by its sequence.
 * One consumer for both topics keeps one user's chunks in partition order. See README.md for why a broadcast.
 */
@Component
class AnswerBroadcastListener {

    static final String LISTENER_ID = "command-answers";

    private static final String GROUP = LISTENER_ID;

    private final PendingAnswers pending;
    private final AnswerEvents answers;
    // its own memory: chunks are many, and the durable group's dedup must not lose its ids to them
    private final RecentDeliveries handled = new RecentDeliveries(4096);

    AnswerBroadcastListener(PendingAnswers pending, AnswerEvents answers) {
        this.pending = pending;
        this.answers = answers;
    }

    @KafkaListener(id = LISTENER_ID, topics = {Topics.COMMAND_REPLIES, Topics.AI_ANSWER_CHUNKS},
            groupId = "${cloudya.command.answers-group}", properties = "auto.offset.reset=latest")
    void onEvent(ConsumerRecord<String, String> record) {
        String id = RecordHeaders.text(record, RecordHeaders.ID);
        if (handled.contains(GROUP, id)) {
            return;
        }
        InboundEvents.read(record.value()).ifPresent(envelope -> {
            if (envelope.payload() instanceof AiAnswerChunk chunk) {
                pending.chunk(chunk);
                return;
            }
            answers.apply(envelope.payload());
            handled.remember(GROUP, envelope.id().toString());
        });
    }
}
