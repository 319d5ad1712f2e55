package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.systemtests.Gateway.ServerSentEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code Accept: text/event-stream} through the gateway (issue 5): chunks as they come, then the whole answer. */
class StreamingAnswerSystemIT {

    private static final String LIST_PODS = "{\"user_input\": \"list pods in namespace web\"}";
    private static Gateway cli;

    @BeforeAll
    static void signUp() {
        Gateway gateway = new Gateway(RunningSuite.gateway());
        cli = gateway.as(Accounts.newUser(gateway).apiKey());
    }

    /**
     * The offline answerer sends its whole text as one chunk before the job completes; the result then takes the
     * longer road (outbox, relay, ledger settlement). Chunk and result may still meet in one Kafka poll, so one
     * stream proves little about timing; but a gateway or service that buffered the stream would deliver chunk and
     * result in the same read every time, so of a few streams at least one must show the chunk clearly ahead.
     */
    @Test
    void chunksArriveAsSeparateEventsAheadOfTheResult() {
        List<Long> leadMillis = new ArrayList<>();
        for (int attempt = 0; attempt < 4 && leadMillis.stream().allMatch(lead -> lead < 5); attempt++) {
            List<ServerSentEvent> events = cli.streamEvents("/api/command", LIST_PODS);

            List<String> names = events.stream().map(ServerSentEvent::name).toList();
            assertThat(names).as(names.toString()).hasSizeGreaterThanOrEqualTo(2).endsWith("result");
            List<ServerSentEvent> chunks = events.subList(0, events.size() - 1);
            assertThat(chunks).extracting(ServerSentEvent::name).containsOnly("chunk");
            assertThat(chunks).extracting(chunk -> chunk.data().get("sequence").asInt())
                    .containsExactlyElementsOf(IntStream.range(0, chunks.size()).boxed().toList());
            String streamedText = chunks.stream().map(chunk -> chunk.data().get("text").asString())
                    .collect(Collectors.joining());
            assertThat(events.getLast().data().get("response").asString()).isEqualTo(streamedText);
            leadMillis.add((events.getLast().arrivedNanos() - chunks.getFirst().arrivedNanos()) / 1_000_000);
        }

        assertThat(leadMillis).as("ms by which the first chunk came ahead of the result, per stream")
                .anySatisfy(lead -> assertThat(lead).isGreaterThanOrEqualTo(5));
    }

    @Test
    void finalEventCarriesEveryFieldOfTheJsonAnswer() {
        JsonNode result = cli.streamEvents("/api/command", LIST_PODS).getLast().data();
        JsonNode plain = cli.postJson("/api/command", LIST_PODS).body();

        assertThat(fieldNames(result)).isEqualTo(fieldNames(plain)).containsAll(List.of("id", "response", "commands",
                "execution_mode", "tokens_used", "tokens_remaining", "provider", "model"));
        assertThat(UUID.fromString(result.get("id").asString()))
                .isNotEqualTo(UUID.fromString(plain.get("id").asString()));
        assertThat(result.get("response").asString()).isEqualTo(plain.get("response").asString()).isNotBlank();
        assertThat(result.get("commands")).isEqualTo(plain.get("commands"));
        assertThat(result.get("commands").get(0).get("command").asString()).isEqualTo("kubectl get pods -n web");
        assertThat(result.get("execution_mode").asString()).isEqualTo("suggest");
        assertThat(result.get("tokens_used").asLong()).isPositive().isEqualTo(plain.get("tokens_used").asLong());
        // the same balance the plain answer reports, before that answer's own charge
        assertThat(result.get("tokens_remaining").asLong()).isEqualTo(
                plain.get("tokens_remaining").asLong() + plain.get("tokens_used").asLong());
        assertThat(result.get("provider").asString()).isEqualTo("offline-kb");
        assertThat(result.get("model").asString()).isEqualTo(plain.get("model").asString()).isNotBlank();
    }

    private static Set<String> fieldNames(JsonNode answer) {
        return new TreeSet<>(answer.propertyNames());
    }
}
