package io.cloudya.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.Risk;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.ChatTurn;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.command.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonContractTest {

    private static final JsonMapper TREES = JsonMapper.builder().build();

    @Test
    void everyRegisteredEventHasAGoldenSample() {
        for (Class<? extends Event> type : EventTypes.ALL) {
            assertThat(EventJsonContractTest.class.getResource("/golden/" + type.getSimpleName() + ".json"))
                    .as("golden sample of " + type.getSimpleName()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("registeredTypes")
    void goldenSampleRoundTripsUnchanged(String type) throws IOException {
        String golden = golden(type);

        EventEnvelope<Event> envelope = EventJson.read(golden);

        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.payload().getClass().getSimpleName()).isEqualTo(type);
        assertThat(TREES.readTree(EventJson.write(envelope))).isEqualTo(TREES.readTree(golden));
    }

    @Test
    void readsTypedPayloadWithWireEnums() throws IOException {
        var completed = (AiJobCompleted) EventJson.read(golden("AiJobCompleted")).payload();
        var requested = (CommandRequested) EventJson.read(golden("CommandRequested")).payload();

        assertThat(completed.commands().getFirst().risk()).isEqualTo(Risk.SAFE);
        assertThat(completed.provider()).isEqualTo("offline-kb");
        assertThat(completed.startedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00.250Z"));
        assertThat(requested.executionMode()).isEqualTo(ExecutionMode.SUGGEST);
    }

    @Test
    void chatJobCarriesHistoryAndOneOffJobOmitsIt() throws IOException {
        String chat = golden("AiJobRequestedWithHistory");
        var job = (AiJobRequested) EventJson.read(chat).payload();
        var oneOff = (AiJobRequested) EventJson.read(golden("AiJobRequested")).payload();

        assertThat(job.history()).containsExactly(new ChatTurn(ChatTurn.USER, "list pods in namespace web"),
                new ChatTurn(ChatTurn.ASSISTANT, "kubectl get pods -n web"));
        assertThat(TREES.readTree(EventJson.write(EventJson.read(chat)))).isEqualTo(TREES.readTree(chat));
        assertThat(oneOff.history()).isNull();
    }

    @Test
    void jobFromARequestTakesItsContextAndIsCappedAtTheHold() throws IOException {
        var request = (CommandRequested) EventJson.read(golden("CommandRequested")).payload();
        var held = new HeldTokens(UUID.randomUUID(), 250, 750);

        var job = AiJobRequested.of(request, held, request.deadline());

        assertThat(job.maxWords()).isEqualTo(250);
        assertThat(job.reservation()).isEqualTo(held);
        assertThat(job.deadline()).isEqualTo(java.time.Instant.parse("2026-11-26T10:00:30Z"));
        assertThat(job.streamsChunks()).isFalse();
        assertThat(request.prioritized()).isFalse();
        assertThat(new CommandRequested(UUID.randomUUID(), "u1", "free", "hi", ExecutionMode.SUGGEST, 10).deadline())
                .isNull();
    }

    @Test
    void answerHandsTheHoldBackAndItsNumbersAreTheLedgers() throws IOException {
        var answer = (AiJobCompleted) EventJson.read(golden("AiJobCompleted")).payload();
        HeldTokens held = answer.reservation();

        assertThat(held.charge(answer.wordsUsed())).isEqualTo(6);
        assertThat(held.charge(401)).isEqualTo(400);
        assertThat(held.charge(-3)).isZero();
        assertThat(held.remainingAfter(held.charge(answer.wordsUsed()))).isEqualTo(994);
    }

    @Test
    void jobWithoutTheStreamFlagStreamsAsBeforeTheFlagExisted() throws IOException {
        var streamed = (AiJobRequested) EventJson.read(golden("AiJobRequestedWithHistory")).payload();
        var older = (AiJobRequested) EventJson.read(golden("AiJobRequested")).payload();
        var plain = new AiJobRequested(UUID.randomUUID(), "u1", "free", "hi", ExecutionMode.SUGGEST, 10,
                java.time.Instant.parse("2026-11-26T10:00:30Z"));

        assertThat(streamed.streamsChunks()).isTrue();
        assertThat(older.stream()).isNull();
        assertThat(older.streamsChunks()).isTrue();
        assertThat(plain.streamsChunks()).isFalse();
        assertThat(TREES.readTree(EventJson.write(EventEnvelope.of("u1", "t1", plain))).get("payload").get("stream")
                .asBoolean(true)).isFalse();
    }

    @Test
    void newEnvelopeTakesTypeFromPayloadRecord() {
        var payload = new CommandRequested(UUID.randomUUID(), "u1", "free", "hi", ExecutionMode.EXPLAIN, 10);

        EventEnvelope<CommandRequested> envelope = EventEnvelope.of("u1", "t1", payload);

        assertThat(envelope.type()).isEqualTo("CommandRequested");
        assertThat(EventJson.read(EventJson.write(envelope))).isEqualTo(envelope);
    }

    @Test
    void rejectsUnknownEventType() {
        String json = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"SomethingNew\",\"version\":1,"
                + "\"occurredAt\":\"2026-11-26T10:00:00Z\",\"key\":\"u\",\"payload\":{}}";

        assertThatThrownBy(() -> EventJson.read(json)).isInstanceOf(UnknownEventTypeException.class);
    }

    @Test
    void rejectsTypeThatContradictsPayload() {
        var payload = new CommandRequested(UUID.randomUUID(), "u1", "free", "hi", ExecutionMode.EXPLAIN, 10);

        assertThatThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "AiJobFailed", 1,
                java.time.Instant.now(), "u1", null, payload)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<String> registeredTypes() {
        return EventTypes.ALL.stream().map(Class::getSimpleName);
    }

    private static String golden(String type) throws IOException {
        try (InputStream in = EventJsonContractTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
