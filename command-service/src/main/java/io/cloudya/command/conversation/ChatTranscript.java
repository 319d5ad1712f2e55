package io.cloudya.command.conversation;

import io.cloudya.command.config.ChatProperties;
import io.cloudya.contracts.command.ChatTurn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A conversation's messages as the saga writes and reads them; writes join the saga step's transaction. */
@Component
public class ChatTranscript {

    static final int TITLE_LENGTH = 80;

    private final ConversationRepository conversations;
    private final ChatMessageRepository messages;
    private final ChatProperties properties;

    public ChatTranscript(ConversationRepository conversations, ChatMessageRepository messages,
                          ChatProperties properties) {
        this.conversations = conversations;
        this.messages = messages;
        this.properties = properties;
    }

    /** The user's message, opening the conversation when {@code opens} is true. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordQuestion(UUID conversationId, boolean opens, String userId, UUID commandId, String text,
                               Instant at) {
        if (opens) {
            conversations.create(conversationId, userId, text.strip().lines().findFirst().map(ChatTranscript::title)
                    .orElse("chat"), at);
        } else {
            conversations.touch(conversationId, at);
        }
        messages.append(conversationId, commandId, ChatTurn.USER, text, at);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAnswer(UUID conversationId, UUID commandId, String text, Instant at) {
        messages.append(conversationId, commandId, ChatTurn.ASSISTANT, text, at);
        conversations.touch(conversationId, at);
    }

    /** The earlier exchanges to send with {@code commandId}'s question, trimmed to the configured budget. */
    public List<ChatTurn> contextFor(UUID conversationId, UUID commandId) {
        var recent = messages.answeredBefore(conversationId, commandId, properties.maxHistoryMessages());
        return ContextTrimmer.trim(recent, properties.maxHistoryMessages(), properties.maxHistoryChars());
    }

    private static String title(String firstLine) {
        return firstLine.length() <= TITLE_LENGTH ? firstLine : firstLine.substring(0, TITLE_LENGTH - 1) + "…";
    }
}
