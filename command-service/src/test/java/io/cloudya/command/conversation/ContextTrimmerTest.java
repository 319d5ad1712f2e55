package io.cloudya.command.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.command.ChatTurn;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTrimmerTest {

    private static final List<ChatTurn> CONVERSATION = List.of(
            user("q1"), assistant("a1"), user("q2"), assistant("a2"), user("q3"), assistant("a3"));

    @Test
    void shouldKeepWholeConversationWithinBudget() {
        assertThat(ContextTrimmer.trim(CONVERSATION, 10, 1000)).isEqualTo(CONVERSATION);
    }

    @Test
    void shouldKeepNewestMessagesWhenCountExceeded() {
        assertThat(ContextTrimmer.trim(CONVERSATION, 4, 1000))
                .containsExactly(user("q2"), assistant("a2"), user("q3"), assistant("a3"));
    }

    @Test
    void shouldNotStartWithAnAnswerWhoseQuestionWasCut() {
        assertThat(ContextTrimmer.trim(CONVERSATION, 3, 1000)).containsExactly(user("q3"), assistant("a3"));
    }

    @Test
    void shouldStopAtCharacterBudget() {
        var long1 = List.of(user("x".repeat(500)), assistant("y".repeat(500)), user("short"), assistant("ok"));

        assertThat(ContextTrimmer.trim(long1, 10, 600)).containsExactly(user("short"), assistant("ok"));
    }

    @Test
    void shouldReturnNothingWhenNewestMessageAloneIsTooLong() {
        assertThat(ContextTrimmer.trim(List.of(user("q"), assistant("z".repeat(50))), 10, 20)).isEmpty();
    }

    private static ChatTurn user(String text) {
        return new ChatTurn(ChatTurn.USER, text);
    }

    private static ChatTurn assistant(String text) {
        return new ChatTurn(ChatTurn.ASSISTANT, text);
    }
}
