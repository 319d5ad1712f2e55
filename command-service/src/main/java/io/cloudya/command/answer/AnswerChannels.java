package io.cloudya.command.answer;

import io.cloudya.command.config.CommandProperties;
import java.time.Duration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Opens the answer channel a client asked for with its Accept header: SSE or one JSON response. */
@Component
public class AnswerChannels {

    /**
     * The container's own async timeout trails ours (deadline + the verdict's grace), so our 504 always comes first.
     */
    static final Duration CONTAINER_GRACE = Duration.ofSeconds(10);

    private final CommandProperties properties;

    public AnswerChannels(CommandProperties properties) {
        this.properties = properties;
    }

    public OpenAnswer open(boolean streaming) {
        long containerTimeout = properties.answerTimeout().plus(CONTAINER_GRACE).toMillis();
        if (streaming) {
            var emitter = new SseEmitter(containerTimeout);
            return new OpenAnswer(new SseAnswerSink(emitter), emitter);
        }
        var result = new DeferredResult<ResponseEntity<Object>>(containerTimeout);
        return new OpenAnswer(new DeferredAnswerSink(result), result);
    }

    /** True when the Accept header names {@code text/event-stream} itself (a wildcard keeps plain JSON). */
    public static boolean wantsStream(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
