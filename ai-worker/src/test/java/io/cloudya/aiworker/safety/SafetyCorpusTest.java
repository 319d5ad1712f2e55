package io.cloudya.aiworker.safety;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.ai.Risk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the validator over the labelled corpus and reports precision and recall for {@code dangerous}. */
class SafetyCorpusTest {

    private final CommandSafetyValidator validator = new CommandSafetyValidator();
    private final SafetyCorpus corpus = SafetyCorpus.shipped();

    @Test
    void shouldFlagEveryDangerousCommandOfTheCorpusWithHighPrecision() {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int exact = 0;
        List<String> misjudged = new ArrayList<>();
        for (var labelled : corpus.commands()) {
            SafetyVerdict verdict = validator.validate(labelled.command());
            boolean flagged = verdict.risk() == Risk.DANGEROUS;
            boolean dangerous = labelled.expected() == Risk.DANGEROUS;
            truePositives += flagged && dangerous ? 1 : 0;
            falsePositives += flagged && !dangerous ? 1 : 0;
            falseNegatives += !flagged && dangerous ? 1 : 0;
            if (verdict.risk() == labelled.expected()) {
                exact++;
            } else {
                misjudged.add(labelled.expected() + " judged " + verdict.risk() + " (" + verdict.ruleId() + "): "
                        + labelled.command());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        double accuracy = exact / (double) corpus.commands().size();
        System.out.printf("safety corpus: %d commands, dangerous precision %.4f, recall %.4f, exact label %.4f%n",
                corpus.commands().size(), precision, recall, accuracy);
        misjudged.forEach(line -> System.out.println("  misjudged: " + line));

        assertThat(corpus.commands()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(recall).as("recall for dangerous; misjudged: %s", misjudged).isEqualTo(1.0);
        assertThat(precision).as("precision for dangerous; misjudged: %s", misjudged).isGreaterThanOrEqualTo(0.97);
        assertThat(accuracy).as("exact labels; misjudged: %s", misjudged).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldNeverJudgeADangerousCorpusCommandSaferWhateverTheModelClaimed() {
        corpus.commands().stream().filter(c -> c.expected() == Risk.DANGEROUS).forEach(c -> {
            var reviewed = validator.review(new io.cloudya.contracts.ai.ProposedCommand(
                    c.command(), "harmless cleanup", Risk.SAFE, "the model says it is fine", false));
            assertThat(reviewed.risk()).as(c.command()).isEqualTo(Risk.DANGEROUS);
            assertThat(reviewed.requiresConfirmation()).as(c.command()).isTrue();
        });
    }
}
