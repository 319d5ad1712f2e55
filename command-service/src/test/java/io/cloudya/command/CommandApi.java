package io.cloudya.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** Calls the running service the way the gateway does: identity headers plus the CLI's JSON body. */
public final class CommandApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public CommandApi(int port) {
        this.port = port;
    }

    public CompletableFuture<HttpResponse<String>> post(String userId, String plan, String requestId, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/command"))
                .header("Content-Type", "application/json")
                .header("X-User-Id", userId)
                .header("X-User-Plan", plan)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String userId, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-User-Id", userId).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
