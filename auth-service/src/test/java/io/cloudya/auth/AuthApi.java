package io.cloudya.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin HTTP client for auth-service (or the gateway in front of it) with the CLI's JSON conventions. */
public final class AuthApi {

    public static final String STRONG_PASSWORD = "correct horse battery 42";

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    /** Each client is its own address, so failed logins of one test never lock out another (or a rerun). */
    private final String address = "test-" + UUID.randomUUID();

    public AuthApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    public Response post(String path, Object body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(body))), headers);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), headers);
    }

    public Response register(String email) {
        return post("/api/auth/register", Map.of("email", email, "password", STRONG_PASSWORD));
    }

    public Response login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password), "X-Forwarded-For", address);
    }

    private Response send(HttpRequest.Builder request, String... headers) {
        request.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = json && !response.body().isEmpty() ? JsonMapper.shared().readTree(response.body())
                    : JsonMapper.shared().createObjectNode();
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
