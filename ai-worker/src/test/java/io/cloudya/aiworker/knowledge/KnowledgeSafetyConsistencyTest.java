package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.aiworker.safety.CommandSafetyValidator;
import io.cloudya.aiworker.safety.SafetyVerdict;
import io.cloudya.contracts.ai.Risk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The knowledge table's declared risks against the safety validator: the validator alone must know every danger
 * the table knows about, so a declared risk never depends on the offline answerer for being flagged.
 */
class KnowledgeSafetyConsistencyTest {

    private final KnowledgeBase knowledge = OfflineKnowledge.shipped();
    private final CommandSafetyValidator validator = new CommandSafetyValidator();

    @Test
    void shouldJudgeEveryCommandTemplateAtLeastAsRiskyAsItsEntryDeclares() {
        List<String> weaker = new ArrayList<>();
        for (KnowledgeEntry entry : knowledge.entries()) {
            String command = sample(entry);
            SafetyVerdict verdict = validator.validate(command);
            if (verdict.risk().ordinal() < entry.risk().ordinal()) {
                weaker.add(entry.id() + " declares " + entry.risk() + ", validator says " + verdict.risk()
                        + " (" + verdict.ruleId() + "): " + command);
            }
        }

        assertThat(weaker).as("entries the validator judges less risky than declared").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"terraform destroy", "kubectl delete namespace", "helm uninstall",
            "gcloud projects delete", "gcloud container clusters delete", "gcloud compute instances delete",
            "az group delete", "az aks delete", "az vm delete", "aws s3 rb", "aws s3 rm",
            "aws ec2 terminate-instances", "docker system prune -a --volumes"})
    void shouldDeclareAndFlagDestructiveEntriesDangerous(String commandStart) {
        var entries = knowledge.entries().stream().filter(e -> e.command().startsWith(commandStart)).toList();

        assertThat(entries).as("entries for " + commandStart).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.risk()).as(entry.id()).isEqualTo(Risk.DANGEROUS);
            assertThat(validator.validate(sample(entry)).risk()).as(entry.id()).isEqualTo(Risk.DANGEROUS);
        });
    }

    @Test
    void shouldFillEveryTemplateSlotFromItsParameters() {
        assertThat(knowledge.entries()).allSatisfy(entry ->
                assertThat(CommandTemplate.fill(entry, "")).as(entry.id()).doesNotContainPattern("\\{\\w+}"));
    }

    /**
     * The command as the answerer fills it for a question that names nothing, with each {@code <placeholder>}
     * replaced by a plain word: a shell reads {@code <x>} as redirections, which would judge the placeholder,
     * not the command.
     */
    private static String sample(KnowledgeEntry entry) {
        return CommandTemplate.fill(entry, "").replaceAll("<[^<>\\s]+>", "sample");
    }
}
