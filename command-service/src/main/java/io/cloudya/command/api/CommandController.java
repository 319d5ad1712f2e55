package io.cloudya.command.api;

import io.cloudya.command.saga.CommandSubmission;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code POST /api/command}: validates, then parks the request without a thread until the answer
 * (or the deadline) arrives.
 */
@RestController
public class CommandController {

    private final CommandRequestValidator validator;
    private final CommandSubmission submission;

    public CommandController(CommandRequestValidator validator, CommandSubmission submission) {
        this.validator = validator;
        this.submission = submission;
    }

    @PostMapping(path = "/api/command", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DeferredResult<ResponseEntity<Object>> submit(
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
            @RequestHeader(name = IdentityHeaders.USER_PLAN, required = false) String plan,
            @RequestHeader(name = IdentityHeaders.REQUEST_ID, required = false) String requestId,
            @RequestBody CommandRequest request) {
        Caller caller = Caller.fromHeaders(userId, plan);
        ValidCommand command = validator.validate(request, caller);
        return submission.submit(caller, command, requestId);
    }
}
