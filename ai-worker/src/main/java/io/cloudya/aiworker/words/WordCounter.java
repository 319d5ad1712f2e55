package io.cloudya.aiworker.words;

import io.cloudya.contracts.ai.ProposedCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Counts what the ledger charges (1 token = 1 word the AI generates): whitespace-separated words of the
 * response plus each proposed command and its description; and fits an answer under the job's cap.
 */
@Component
public class WordCounter {

    /**
     * A word is a run of characters between spaces, Unicode spaces included (a no-break space the model emits
     * must not glue two words into one charge); punctuation and code fences count with what they touch.
     */
    private static final Pattern WORD = Pattern.compile("[^\\p{javaWhitespace}\\p{Z}]+");

    public int count(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    public int count(String response, List<ProposedCommand> commands) {
        return count(response) + commands.stream().mapToInt(this::count).sum();
    }

    /**
     * Keeps the answer within {@code maxWords}: commands first (they are what the user acts on), dropping the
     * last ones only if they alone exceed the cap, then the response truncated to the words left.
     */
    public FittedAnswer fit(String response, List<ProposedCommand> commands, int maxWords) {
        List<ProposedCommand> kept = new ArrayList<>(commands);
        while (!kept.isEmpty() && commandWords(kept) > maxWords) {
            kept.removeLast();
        }
        int left = Math.max(0, maxWords - commandWords(kept));
        String text = truncate(response, left);
        return new FittedAnswer(text, List.copyOf(kept), count(text, kept));
    }

    private int count(ProposedCommand command) {
        return count(command.command()) + count(command.description());
    }

    private int commandWords(List<ProposedCommand> commands) {
        return commands.stream().mapToInt(this::count).sum();
    }

    /** The text up to the end of its {@code words}-th word, original spacing kept. */
    private String truncate(String text, int words) {
        if (text == null || count(text) <= words) {
            return text == null ? "" : text;
        }
        Matcher matcher = WORD.matcher(text);
        int end = 0;
        for (int i = 0; i < words && matcher.find(); i++) {
            end = matcher.end();
        }
        return text.substring(0, end);
    }
}
