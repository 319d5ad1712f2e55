package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command posted to one instance, its HTTP request parked there until the saga answers it. Each has its own user,
 * so the saga events (keyed and matched by user) can only belong to this command.
 */
record ParkedCommand(String instance, String user, String input, CompletableFuture<HttpResponse<String>> response) {

    static ParkedCommand post(String instance, CommandApi api, String input) {
        String user = "it-instance-" + instance + "-" + UUID.randomUUID();
        return new ParkedCommand(instance, user, input,
                api.post(user, "free", "req-" + user, "{\"user_input\":\"" + input + "\"}"));
    }

    /** The AI answer the test gives this command: unique, so a request answered with another's text shows. */
    String answerText() {
        return "answer for " + user + " (" + input + ")";
    }

    HttpResponse<String> awaitResponse() throws Exception {
        return response.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
