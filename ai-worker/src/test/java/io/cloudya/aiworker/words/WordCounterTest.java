package io.cloudya.aiworker.words;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.ai.ProposedCommand;
import io.cloudya.contracts.ai.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordCounterTest {

    private final WordCounter words = new WordCounter();
    private final ProposedCommand listPods =
            new ProposedCommand("kubectl get pods -n web", "List pods", Risk.SAFE, "read-only", false);

    @Test
    void shouldCountWhitespaceSeparatedWords() {
        assertThat(words.count("  one two\tthree\nfour  ")).isEqualTo(4);
        assertThat(words.count("")).isZero();
        assertThat(words.count((String) null)).isZero();
    }

    @Test
    void shouldCountResponseAndEachCommandWithItsDescription() {
        // 3 response words + 5 command words + 2 description words; the reason is not generated text
        assertThat(words.count("List the pods.", List.of(listPods))).isEqualTo(10);
    }

    @Test
    void shouldLeaveAnswerUnderTheCapUntouched() {
        var fitted = words.fit("List the pods.", List.of(listPods), 10);

        assertThat(fitted.response()).isEqualTo("List the pods.");
        assertThat(fitted.commands()).containsExactly(listPods);
        assertThat(fitted.wordsUsed()).isEqualTo(10);
    }

    @Test
    void shouldTruncateResponseToFitTheCapKeepingCommands() {
        var fitted = words.fit("one two  three four five", List.of(listPods), 9);

        assertThat(fitted.response()).isEqualTo("one two");
        assertThat(fitted.commands()).containsExactly(listPods);
        assertThat(fitted.wordsUsed()).isEqualTo(9);
    }

    @Test
    void shouldDropCommandsThatAloneExceedTheCap() {
        var fitted = words.fit("text here", List.of(listPods, listPods), 8);

        assertThat(fitted.commands()).containsExactly(listPods);
        assertThat(fitted.response()).isEqualTo("text");
        assertThat(fitted.wordsUsed()).isEqualTo(8);
    }

    @Test
    void shouldNeverReportMoreWordsThanTheCap() {
        var fitted = words.fit("a b c d e f g h", List.of(listPods), 3);

        assertThat(fitted.wordsUsed()).isLessThanOrEqualTo(3);
        assertThat(fitted.commands()).isEmpty();
        assertThat(fitted.response()).isEqualTo("a b c");
    }

    @Test
    void shouldCountEachTokenOfACodeBlockAndItsFences() {
        String answer = "Run:\n```bash\nkubectl get pods -n web\n```";

        // "Run:", the fence with its tag, the five command words and the closing fence
        assertThat(words.count(answer)).isEqualTo(8);
    }

    @Test
    void shouldCountPunctuationAttachedToAWordAsPartOfIt() {
        assertThat(words.count("Done. Really, it's done!")).isEqualTo(4);
        assertThat(words.count("a - b")).isEqualTo(3);
    }

    @Test
    void shouldCountUnicodeWordsAndIgnoreUnicodeSpaces() {
        assertThat(words.count("Größe prüfen — café")).isEqualTo(4);
        assertThat(words.count("日本語 テキスト")).isEqualTo(2);
        assertThat(words.count("one\u00A0two\u2003three")).isEqualTo(3);
    }

    @Test
    void shouldCountNothingForEmptyOrBlankAnswers() {
        assertThat(words.count("\n\t  \n")).isZero();
        assertThat(words.count("", List.of())).isZero();
        assertThat(words.fit("", List.of(), 10).wordsUsed()).isZero();
    }
}
