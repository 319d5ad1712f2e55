package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.ai.Risk;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KnowledgeBaseTest {

    private final KnowledgeBase knowledge = OfflineKnowledge.shipped();
    private final KnowledgeRetriever retriever = OfflineKnowledge.retriever();

    @Test
    void shouldLoadEveryDomainFileInOrderUnderOneModel() {
        assertThat(knowledge.model()).isEqualTo("kb-2026.11");
        assertThat(knowledge.topics()).containsExactly(
                "Kubernetes", "Helm", "Terraform", "Ansible", "Docker", "AWS", "GCP", "Azure", "Git", "CI", "Linux");
    }

    @Test
    void shouldCoverEveryMainDomainWithAtLeastEightEntries() {
        Map<String, Long> perTopic = knowledge.entries().stream()
                .collect(Collectors.groupingBy(KnowledgeEntry::topic, Collectors.counting()));

        assertThat(perTopic).allSatisfy((topic, count) -> {
            if (!topic.equals("CI")) {
                assertThat(count).as(topic).isGreaterThanOrEqualTo(8);
            }
        });
    }

    @Test
    void shouldFillNamespaceFromQuestion() {
        var match = answerFor("list pods in namespace web").orElseThrow();

        assertThat(CommandTemplate.fill(match.entry(), "list pods in namespace web")).isEqualTo("kubectl get pods -n web");
        assertThat(match.entry().risk()).isEqualTo(Risk.SAFE);
    }

    @Test
    void shouldUseAllNamespacesWhenQuestionNamesNone() {
        var match = answerFor("show me all pods").orElseThrow();

        assertThat(CommandTemplate.fill(match.entry(), "show me all pods")).isEqualTo("kubectl get pods -A");
    }

    @Test
    void shouldClassifyTerraformDestroyAsDangerous() {
        var match = answerFor("destroy terraform infrastructure").orElseThrow();

        assertThat(match.entry().command()).isEqualTo("terraform destroy");
        assertThat(match.entry().risk()).isEqualTo(Risk.DANGEROUS);
    }

    @Test
    void shouldFindNothingForQuestionOutsideDevOps() {
        assertThat(answerFor("what is a good recipe for banana bread")).isEmpty();
    }

    @Test
    void shouldNotAnswerFromASingleSharedTerm() {
        assertThat(answerFor("terraform")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void shouldPickTheEntryThatAnswersTheQuestion(String question, String expectedId, String expectedCommand) {
        var match = answerFor(question).orElseThrow();

        assertThat(match.entry().id()).isEqualTo(expectedId);
        assertThat(CommandTemplate.fill(match.entry(), question)).isEqualTo(expectedCommand);
    }

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("scale deployment api to 5 replicas in namespace shop", "k8s-scale-deployment",
                        "kubectl scale deployment api --replicas=5 -n shop"),
                Arguments.of("show logs of pod api-7d9f in namespace web", "k8s-pod-logs",
                        "kubectl logs api-7d9f -n web --tail=100"),
                Arguments.of("delete namespace staging", "k8s-delete-namespace", "kubectl delete namespace staging"),
                Arguments.of("run ansible playbook site.yml", "ansible-playbook-run", "ansible-playbook site.yml"),
                Arguments.of("dry run ansible playbook deploy.yml", "ansible-playbook-check",
                        "ansible-playbook deploy.yml --check --diff"),
                Arguments.of("clean up unused docker images to free disk space", "docker-prune",
                        "docker system prune -a"),
                Arguments.of("which aws account am I using", "aws-whoami", "aws sts get-caller-identity"),
                Arguments.of("list my gcloud compute instances", "gcp-list-instances", "gcloud compute instances list"),
                Arguments.of("list azure virtual machines", "azure-list-vms", "az vm list -d -o table"),
                Arguments.of("undo my last git commit", "git-undo-last-commit", "git reset --soft HEAD~1"),
                Arguments.of("which process is listening on port 8080", "linux-port-in-use",
                        "ss -tulpn 'sport = :8080'"),
                Arguments.of("list installed helm releases in namespace monitoring", "helm-list",
                        "helm list -n monitoring"));
    }

    /** The entry the offline answerer would use, as configured by default. */
    private Optional<KnowledgeMatch> answerFor(String question) {
        return retriever.best(question, OfflineKnowledge.MIN_SHARED_TERMS);
    }
}
