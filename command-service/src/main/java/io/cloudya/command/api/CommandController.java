package io.cloudya.command.api;

import io.cloudya.command.answer.AnswerChannels;
import io.cloudya.command.answer.OpenAnswer;
import io.cloudya.command.saga.CommandSubmission;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/command}: validates, then parks the request without a thread until the answer (or the
 * deadline) arrives. Returns a DeferredResult, or an SseEmitter for {@code Accept: text/event-stream}; one method,
 * because MVC picks the return value handler by the returned object.
 */
@RestController
public class CommandController {

    private static final Logger log = LoggerFactory.getLogger(CommandController.class);

    private final CommandRequestValidator validator;
    private final CommandSubmission submission;
    private final AnswerChannels channels;

    public CommandController(CommandRequestValidator validator, CommandSubmission submission,
                             AnswerChannels channels) {
        this.validator = validator;
        this.submission = submission;
        this.channels = channels;
    }

    @PostMapping(path = "/api/command", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    public Object submit(
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
            @RequestHeader(name = IdentityHeaders.USER_PLAN, required = false) String plan,
            @RequestHeader(name = IdentityHeaders.REQUEST_ID, required = false) String requestId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestBody CommandRequest request) {
        Caller caller = Caller.fromHeaders(userId, plan);
        ValidCommand command = validator.validate(request, caller);
        OpenAnswer answer = channels.open(AnswerChannels.wantsStream(accept));
        UUID commandId = submission.submit(caller, command, requestId, null, answer.sink());
        // the user's input is theirs and may hold secrets: its size is enough to follow the request
        log.info("command {} accepted: plan={} mode={} input={} chars", commandId, caller.plan(),
                command.executionMode(), command.userInput().length());
        return answer.response();
    }
}
