package io.cloudya.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the suite the way the CLI does: JSON over HTTP with a Bearer token. */
final class Gateway {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String bearer;

    Gateway(URI base) {
        this(base, null);
    }

    private Gateway(URI base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same gateway, calling as the holder of {@code token} (a JWT or a {@code cly_} API key). */
    Gateway as(String token) {
        return new Gateway(base, token);
    }

    Reply postJson(String path, String body, String... headers) {
        HttpRequest.Builder request = withHeaders(request(path), headers).header("Content-Type", "application/json");
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A streamed answer read line by line as the bytes arrive, each event stamped with the moment its closing blank
     * line was read, so a test can tell events sent apart from events buffered and flushed together at the end.
     */
    List<ServerSentEvent> streamEvents(String path, String body) {
        var response = call(streamRequest(path, body), HttpResponse.BodyHandlers.ofLines());
        List<ServerSentEvent> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (Iterator<String> lines = response.body().iterator(); lines.hasNext(); ) {
            String line = lines.next();
            if (line.isEmpty() && !data.isEmpty()) {
                events.add(new ServerSentEvent(name, JSON.readTree(data.toString()), System.nanoTime()));
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return events;
    }

    Reply get(String path, String... headers) {
        return send(withHeaders(request(path), headers).GET().build());
    }

    private HttpRequest streamRequest(String path, String body) {
        return request(path).header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(40));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request;
    }

    private Reply send(HttpRequest request) {
        HttpResponse<String> response = call(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("X-Request-Id").orElse(null),
                response.headers().firstValue("X-Trace-Id").orElse(null),
                response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    record Reply(int status, String requestId, String traceId, JsonNode body) {
    }

    /** One SSE event: its name, its JSON data and when it arrived ({@link System#nanoTime()}). */
    record ServerSentEvent(String name, JsonNode data, long arrivedNanos) {
    }
}
