package io.cloudya.billing.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Posts webhooks and API calls to the running service the way Stripe and the gateway do. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> deliver(String payload) {
        return deliver(payload, StripeSignatures.header(payload));
    }

    public HttpResponse<String> deliver(String payload, String signature) {
        var request = HttpRequest.newBuilder(uri("/api/billing/webhook"))
                .header("Content-Type", "application/json; charset=utf-8");
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    public HttpResponse<String> post(String path, String userId, String json) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (userId != null) {
            request.header("X-User-Id", userId);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> get(String path, String userId) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-User-Id", userId).GET().build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
