package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import org.springframework.http.ResponseEntity;

/** Where one parked request's answer goes: a JSON response in one piece, or an SSE stream. */
public interface AnswerSink {

    /** A streamed piece of the answer; a sink that answers in one piece ignores it. */
    default void chunk(AiAnswerChunk chunk) {
    }

    /** True when the client reads the answer as it is generated, so the ai-worker must send its pieces. */
    default boolean streams() {
        return false;
    }

    /** The final answer (2xx) or an error whose body has status, code and message. Called at most once. */
    void finish(ResponseEntity<Object> answer);
}
