package io.cloudya.command.conversation;

import io.cloudya.contracts.command.ChatTurn;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Fits a conversation into the model's context: keeps the newest messages within a message count and a character
 * budget, and never starts with an answer whose question was cut off (the model would misread it).
 */
public final class ContextTrimmer {

    private ContextTrimmer() {
    }

    /** {@code turns} oldest first; the result is oldest first too. */
    public static List<ChatTurn> trim(List<ChatTurn> turns, int maxMessages, int maxChars) {
        Deque<ChatTurn> kept = new ArrayDeque<>();
        int chars = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            ChatTurn turn = turns.get(i);
            int length = turn.content().length();
            if (kept.size() >= maxMessages || chars + length > maxChars) {
                break;
            }
            kept.addFirst(turn);
            chars += length;
        }
        while (!kept.isEmpty() && ChatTurn.ASSISTANT.equals(kept.peekFirst().role())) {
            kept.removeFirst();
        }
        return List.copyOf(kept);
    }
}
