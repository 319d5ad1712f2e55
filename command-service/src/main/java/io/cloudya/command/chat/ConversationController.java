package io.cloudya.command.chat;

import io.cloudya.command.conversation.ChatMessageRepository;
import io.cloudya.command.conversation.ConversationRepository;
import io.cloudya.command.web.ApiException;
import io.cloudya.command.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's conversations. Reading stays open to every plan, so a user who downgraded still sees old chats;
 * another user's conversation answers 404.
 */
@RestController
public class ConversationController {

    static final int MAX_PAGE_SIZE = 100;
    /** A conversation is shown with at most its newest messages; the model only ever sees a trimmed part. */
    static final int MAX_MESSAGES = 500;

    private final ConversationRepository conversations;
    private final ChatMessageRepository messages;

    public ConversationController(ConversationRepository conversations, ChatMessageRepository messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @GetMapping("/api/chat")
    public ConversationPage list(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        Caller caller = Caller.fromHeaders(userId, null);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad_page",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + ".");
        }
        var items = conversations.pageForUser(caller.userId(), page, size).stream()
                .map(conversation -> ConversationView.of(conversation, null)).toList();
        return new ConversationPage(items, page, size, conversations.countForUser(caller.userId()));
    }

    @GetMapping("/api/chat/{id}")
    public ConversationView one(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId,
                                @PathVariable String id) {
        Caller caller = Caller.fromHeaders(userId, null);
        return ConversationIds.parse(id)
                .flatMap(conversationId -> conversations.findForUser(conversationId, caller.userId()))
                .map(conversation -> ConversationView.of(conversation, messages.messages(conversation.id(),
                        MAX_MESSAGES).stream().map(ChatMessageView::of).toList()))
                .orElseThrow(() -> ConversationIds.notFound(id));
    }
}
