package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.command.store.CommandStatus;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandRequested;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@SagaIT
class StreamingIT extends SagaITSupport {

    @Test
    void shouldStreamChunksInSequenceOrderThenFinalResultWithTheHoldsNumbers() throws Exception {
        String user = "it-stream-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "starter", "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");
        assertThat(requested.stream()).as("the ai-worker is to be asked for the answer's pieces").isTrue();
        var held = saga.hold(requested, 600, 1000);
        UUID id = requested.commandId();
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(id, user, 1, "get pods "));
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(id, user, 0, "kubectl "));
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(id, user, 1, "get pods "));

        var http = response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(http.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        var events = new SseEvents(http.body().iterator());
        assertThat(events.next()).isEqualTo(chunk(0, "kubectl "));
        assertThat(events.next()).isEqualTo(chunk(1, "get pods "));

        // the first chunks reached the client before the model finished: that is the point of streaming
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(id, user, 2, "-n web"));
        saga.answer(requested, held, 5);

        assertThat(events.next()).isEqualTo(chunk(2, "-n web"));
        // no settlement is published: the result does not wait for one
        SseEvents.SseEvent result = events.next();
        assertThat(result.name()).isEqualTo("result");
        JsonNode body = JSON.readTree(result.data());
        assertThat(body.get("id").asString()).isEqualTo(id.toString());
        assertThat(body.get("response").asString()).isEqualTo(SagaEventsMother.ANSWER);
        assertThat(body.get("tokens_used").asLong()).isEqualTo(5);
        assertThat(body.get("tokens_remaining").asLong()).isEqualTo(1000 + 600 - 5);
        assertThat(body.get("execution_mode").asString()).isEqualTo("suggest");
        assertThat(body.get("commands").get(0).get("risk").asString()).isEqualTo("safe");
        assertThat(events.next()).isNull();
        assertThat(awaitStatus(id, CommandStatus.COMPLETED).reservation()).isEqualTo(held);
    }

    @Test
    void shouldEndStreamWithErrorEventWhenLedgerRejects() throws Exception {
        String user = "it-stream-402-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "free", "{\"user_input\":\"list pods\"}");
        CommandRequested requested = saga.requested(user, "list pods");

        saga.publish(Topics.RESERVATION_EVENTS, SagaEventsMother.rejected(requested.commandId(), user, 300, 7));

        var events = new SseEvents(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).body().iterator());
        SseEvents.SseEvent error = events.next();
        assertThat(error.name()).isEqualTo("error");
        assertThat(JSON.readTree(error.data()).get("code").asString()).isEqualTo("insufficient_tokens");
        assertThat(JSON.readTree(error.data()).get("balance").asLong()).isEqualTo(7);
        assertThat(events.next()).isNull();
    }

    @Test
    void shouldEndStreamWithErrorEventWhenEveryProviderFailsMidAnswer() throws Exception {
        String user = "it-stream-503-" + UUID.randomUUID();
        var response = api.stream("/api/command", user, "starter", "{\"user_input\":\"scale web\"}");
        CommandRequested requested = saga.requested(user, "scale web");
        UUID id = requested.commandId();
        saga.publish(Topics.AI_ANSWER_CHUNKS, SagaEventsMother.chunk(id, user, 0, "kubectl scale "));
        var events = new SseEvents(response.get(WAIT.toSeconds(), TimeUnit.SECONDS).body().iterator());
        assertThat(events.next()).isEqualTo(chunk(0, "kubectl scale "));

        // the provider broke off mid-answer and no other could answer: the words already streamed are not charged
        saga.fail(requested, "no_provider");

        SseEvents.SseEvent error = events.next();
        assertThat(error.name()).isEqualTo("error");
        assertThat(JSON.readTree(error.data()).get("code").asString()).isEqualTo("no_provider");
        assertThat(JSON.readTree(error.data()).get("message").asString()).isNotBlank();
        assertThat(events.next()).isNull();
        assertThat(awaitStatus(id, CommandStatus.FAILED).failureCode()).isEqualTo("no_provider");
    }

    private static SseEvents.SseEvent chunk(int sequence, String text) {
        return new SseEvents.SseEvent("chunk", "{\"sequence\":" + sequence + ",\"text\":\"" + text + "\"}");
    }
}
