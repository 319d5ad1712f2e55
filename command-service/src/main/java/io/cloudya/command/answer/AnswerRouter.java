package io.cloudya.command.answer;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.Topics;
import io.cloudya.outbox.RecordHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings a saga outcome to the HTTP request waiting for it. The saga's durable group learns each outcome on one
 * instance, after its step committed; the request is parked on whichever instance the gateway picked. Held here, it
 * is finished in-process. Otherwise the record goes on to {@code command.replies}, which every instance reads
 * ({@link AnswerBroadcastListener}): only outcomes that must cross instances are read more than once, where every
 * instance used to read every saga event. Run for repeated deliveries too: after a crash between the step's commit
 * and this call, the redelivered record (a duplicate to the step) still reaches the request. Finishing a request
 * (reading the command, writing the answer) runs on a thread of its own, as it did on the broadcast listener's: the
 * saga's listener threads go on to the next step at once (at 100 commands/s they had become the bottleneck).
 */
@Component
public class AnswerRouter {

    private final PendingAnswers pending;
    private final AnswerEvents answers;
    private final KafkaTemplate<String, String> kafka;
    private final Executor handOver;

    @Autowired
    AnswerRouter(PendingAnswers pending, AnswerEvents answers, KafkaTemplate<String, String> kafka) {
        this(pending, answers, kafka, Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("answer-hand-over").daemon(true).factory()));
    }

    AnswerRouter(PendingAnswers pending, AnswerEvents answers, KafkaTemplate<String, String> kafka,
                 Executor handOver) {
        this.pending = pending;
        this.answers = answers;
        this.kafka = kafka;
        this.handOver = handOver;
    }

    public void route(ConsumerRecord<String, String> record, Event event) {
        UUID commandId = AnswerEvents.commandOf(event);
        if (commandId == null) {
            return;
        }
        if (pending.holds(commandId)) {
            handOver.execute(() -> answers.apply(event));
        } else {
            // the broadcast readers filter by these two; the template adds this listener's trace
            List<Header> headers = new ArrayList<>(2);
            for (String name : List.of(RecordHeaders.ID, RecordHeaders.EVENT_TYPE)) {
                Header header = record.headers().lastHeader(name);
                if (header != null) {
                    headers.add(new RecordHeader(name, header.value()));
                }
            }
            kafka.send(new ProducerRecord<>(Topics.COMMAND_REPLIES, null, record.key(), record.value(), headers));
        }
    }
}
