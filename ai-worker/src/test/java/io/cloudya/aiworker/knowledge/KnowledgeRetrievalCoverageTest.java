package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Everyday questions of each domain reach the entry that answers them, as the offline answerer would pick it. */
class KnowledgeRetrievalCoverageTest {

    private final KnowledgeRetriever retriever = OfflineKnowledge.retriever();

    @ParameterizedTest(name = "{0}")
    @MethodSource("questions")
    void shouldAnswerTheQuestionWithTheEntryForIt(String question, String expectedId, String expectedCommand) {
        var match = retriever.best(question, OfflineKnowledge.MIN_SHARED_TERMS).orElseThrow();

        assertThat(match.entry().id()).isEqualTo(expectedId);
        assertThat(CommandTemplate.fill(match.entry(), question)).isEqualTo(expectedCommand);
    }

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of("delete an azure resource group", "azure-delete-group",
                        "az group delete --name <resource-group>"),
                Arguments.of("list gke clusters", "gcp-gke-list", "gcloud container clusters list"),
                Arguments.of("rollback a helm release", "helm-rollback", "helm rollback <release>"),
                Arguments.of("rollback helm release api to revision 3", "helm-rollback", "helm rollback api 3"),
                Arguments.of("undo the rollout of deployment web", "k8s-rollout-undo",
                        "kubectl rollout undo deployment/web"),
                Arguments.of("open a shell in pod api-0 in namespace shop", "k8s-exec-shell",
                        "kubectl exec -it api-0 -n shop -- sh"),
                Arguments.of("drain node worker-2 for maintenance", "k8s-drain-node",
                        "kubectl drain worker-2 --ignore-daemonsets --delete-emptydir-data"),
                Arguments.of("switch kubectl context to prod-eu", "k8s-switch-context",
                        "kubectl config use-context prod-eu"),
                Arguments.of("show the history of helm release api", "helm-history", "helm history api"),
                Arguments.of("validate terraform configuration", "terraform-validate", "terraform validate"),
                Arguments.of("switch terraform workspace to staging", "terraform-workspace-select",
                        "terraform workspace select staging"),
                Arguments.of("check ansible playbook syntax of site.yml", "ansible-syntax-check",
                        "ansible-playbook site.yml --syntax-check"),
                Arguments.of("encrypt secrets with ansible vault", "ansible-vault-encrypt",
                        "ansible-vault encrypt secrets.yml"),
                Arguments.of("remove all unused docker data including volumes", "docker-prune-volumes",
                        "docker system prune -a --volumes"),
                Arguments.of("open a shell inside docker container web", "docker-exec-shell",
                        "docker exec -it web sh"),
                Arguments.of("list docker containers", "docker-ps", "docker ps -a"),
                Arguments.of("terminate ec2 instance i-0abc1234def567890", "aws-ec2-terminate",
                        "aws ec2 terminate-instances --instance-ids i-0abc1234def567890"),
                Arguments.of("delete s3 bucket s3://old-logs with everything in it", "aws-s3-delete-bucket",
                        "aws s3 rb s3://old-logs --force"),
                Arguments.of("delete gcp project demo-project-42", "gcp-project-delete",
                        "gcloud projects delete demo-project-42"),
                Arguments.of("list azure aks clusters", "azure-aks-list", "az aks list -o table"),
                Arguments.of("create a new git branch called feature/login", "git-new-branch",
                        "git switch -c feature/login"),
                Arguments.of("show logs of failed github actions run 4242", "ci-failed-logs",
                        "gh run view 4242 --log-failed"),
                Arguments.of("which processes use the most memory", "linux-top-memory",
                        "ps aux --sort=-%mem | head -n 15"),
                Arguments.of("dns lookup for api.example.com", "linux-dns-lookup", "dig +short api.example.com"),
                Arguments.of("destroy the terraform infrastructure", "terraform-destroy", "terraform destroy"));
    }
}
