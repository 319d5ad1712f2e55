package io.cloudya.command.answer;

import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/** The plain JSON answer: the parked {@link DeferredResult} gets the whole response at once. */
final class DeferredAnswerSink implements AnswerSink {

    private final DeferredResult<ResponseEntity<Object>> result;

    DeferredAnswerSink(DeferredResult<ResponseEntity<Object>> result) {
        this.result = result;
    }

    @Override
    public void finish(ResponseEntity<Object> answer) {
        result.setResult(answer);
    }
}
