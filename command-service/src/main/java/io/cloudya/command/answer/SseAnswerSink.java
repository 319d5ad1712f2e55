package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The streamed answer: {@code chunk} events in sequence order, then one {@code result} event (the same JSON as
 * the plain answer) or one {@code error} event (an ApiError), then the stream ends. Chunks come from the Kafka
 * listener and the end may come from the deadline timer, hence synchronized.
 */
final class SseAnswerSink implements AnswerSink {

    private static final Logger log = LoggerFactory.getLogger(SseAnswerSink.class);

    private final SseEmitter emitter;
    private final ChunkSequencer sequencer = new ChunkSequencer();
    private boolean finished;

    SseAnswerSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public boolean streams() {
        return true;
    }

    @Override
    public synchronized void chunk(AiAnswerChunk chunk) {
        if (finished) {
            return;
        }
        for (AiAnswerChunk ready : sequencer.accept(chunk)) {
            send("chunk", new StreamedChunk(ready.sequence(), ready.text()));
        }
    }

    @Override
    public synchronized void finish(ResponseEntity<Object> answer) {
        if (finished) {
            return;
        }
        finished = true;
        send(answer.getStatusCode().is2xxSuccessful() ? "result" : "error", answer.getBody());
        emitter.complete();
    }

    private void send(String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            // the client went away; the saga goes on and the history keeps the answer
            log.debug("SSE client gone while sending {}: {}", name, e.toString());
        }
    }
}
