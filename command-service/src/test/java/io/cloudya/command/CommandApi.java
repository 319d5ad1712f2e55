package io.cloudya.command;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Calls the running service the way the gateway does: identity headers plus the CLI's JSON body. */
public final class CommandApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public CommandApi(int port) {
        this.port = port;
    }

    public CompletableFuture<HttpResponse<String>> post(String userId, String plan, String requestId, String body) {
        return http.sendAsync(request("/api/command", userId, plan, requestId, body, "application/json"),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As the gateway forwards a request inside its trace: with a W3C traceparent header. */
    public CompletableFuture<HttpResponse<String>> postTraced(String userId, String plan, String requestId,
                                                              String traceparent, String body) {
        var request = HttpRequest.newBuilder(request("/api/command", userId, plan, requestId, body,
                "application/json"), (name, value) -> true).header("traceparent", traceparent).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> chat(String userId, String plan, String body) {
        return http.sendAsync(request("/api/chat", userId, plan, "req-" + userId, body, "application/json"),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks for SSE; the response arrives with the headers, its lines as the server writes them. */
    public CompletableFuture<HttpResponse<Stream<String>>> stream(String path, String userId, String plan,
                                                                  String body) {
        return http.sendAsync(request(path, userId, plan, "req-" + userId, body, "text/event-stream"),
                HttpResponse.BodyHandlers.ofLines());
    }

    public HttpResponse<String> get(String userId, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-User-Id", userId).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String userId, String plan, String requestId, String body,
                                String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", accept)
                .header("X-User-Id", userId)
                .header("X-User-Plan", plan)
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
