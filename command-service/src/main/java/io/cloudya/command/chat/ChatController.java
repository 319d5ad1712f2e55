package io.cloudya.command.chat;

import io.cloudya.command.answer.AnswerChannels;
import io.cloudya.command.answer.OpenAnswer;
import io.cloudya.command.api.CommandRequestValidator;
import io.cloudya.command.api.ValidCommand;
import io.cloudya.command.config.ChatProperties;
import io.cloudya.command.conversation.ConversationRepository;
import io.cloudya.command.saga.ChatContext;
import io.cloudya.command.saga.CommandSubmission;
import io.cloudya.command.web.ApiException;
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
 * {@code POST /api/chat}: one message of a conversation runs the same saga as a command (reserve, answer, settle);
 * the ai-worker gets the conversation so far. Starter and up.
 */
@RestController
public class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final CommandRequestValidator validator;
    private final ChatProperties properties;
    private final ConversationRepository conversations;
    private final CommandSubmission submission;
    private final AnswerChannels channels;

    public ChatController(CommandRequestValidator validator, ChatProperties properties,
                          ConversationRepository conversations, CommandSubmission submission,
                          AnswerChannels channels) {
        this.validator = validator;
        this.properties = properties;
        this.conversations = conversations;
        this.submission = submission;
        this.channels = channels;
    }

    @PostMapping(path = "/api/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_EVENT_STREAM_VALUE})
    public Object send(
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
            @RequestHeader(name = IdentityHeaders.USER_PLAN, required = false) String plan,
            @RequestHeader(name = IdentityHeaders.REQUEST_ID, required = false) String requestId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestBody ChatRequest request) {
        Caller caller = Caller.fromHeaders(userId, plan);
        if (!properties.mayChat(caller.plan())) {
            throw ApiException.planRequired(properties.cheapestChatPlan(), "Chat needs the "
                    + properties.cheapestChatPlan() + " plan or higher (" + String.join(", ", properties.plans())
                    + "); your plan is " + caller.plan() + ".");
        }
        ValidCommand message = validator.validate(request.message(), request.executionMode(), caller, "message");
        ChatContext chat = context(request.conversationId(), caller);
        OpenAnswer answer = channels.open(AnswerChannels.wantsStream(accept));
        UUID commandId = submission.submit(caller, message, requestId, chat, answer.sink());
        // the message is the user's and may hold secrets: its size is enough to follow the request
        log.info("chat message {} accepted in conversation {}: plan={} input={} chars", commandId,
                chat.conversationId(), caller.plan(), message.userInput().length());
        return answer.response();
    }

    private ChatContext context(String conversationId, Caller caller) {
        if (conversationId == null || conversationId.isBlank()) {
            return new ChatContext(UUID.randomUUID(), true);
        }
        return ConversationIds.parse(conversationId)
                .flatMap(id -> conversations.findForUser(id, caller.userId()))
                .map(conversation -> new ChatContext(conversation.id(), false))
                .orElseThrow(() -> ConversationIds.notFound(conversationId));
    }
}
