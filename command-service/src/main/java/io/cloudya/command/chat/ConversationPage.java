package io.cloudya.command.chat;

import java.util.List;

/** One page of the caller's conversations, most recently active first; {@code total} counts all of them. */
public record ConversationPage(List<ConversationView> items, int page, int size, long total) {
}
