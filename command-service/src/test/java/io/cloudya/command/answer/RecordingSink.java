package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;

/** Records what a parked request received: the streamed pieces' text, then its answer. */
final class RecordingSink implements AnswerSink {

    final List<Object> received = new ArrayList<>();

    @Override
    public synchronized void chunk(AiAnswerChunk chunk) {
        received.add(chunk.text());
    }

    @Override
    public synchronized void finish(ResponseEntity<Object> answer) {
        received.add(answer);
    }

    synchronized int count() {
        return received.size();
    }
}
