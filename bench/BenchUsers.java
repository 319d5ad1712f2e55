import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users for the benchmarks, made the way a CLI user is: register, log in, create a CLI API key, then funded by a
 * paid top-up delivered as Stripe delivers it (a signed webhook), so the saga runs against a real balance.
 */
final class BenchUsers {

    record User(String id, String apiKey) {
    }

    private final HttpClient http;
    private final String gateway;

    BenchUsers(HttpClient http, String gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    User create() throws Exception {
        String credentials = "{\"email\":\"bench-%s@example.com\",\"password\":\"Bench-Horse-%s\"}"
                .formatted(UUID.randomUUID(), UUID.randomUUID());
        post("/api/auth/register", null, credentials);
        String access = field(post("/api/auth/login", null, credentials), "access_token");
        String key = field(post("/api/auth/api-keys", access, "{\"name\":\"bench\"}"), "key");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/me"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        return new User(field(me, "user_id"), key);
    }

    /** A paid top-up Checkout Session, signed with the webhook secret the suite was started with. */
    void fund(String webhookSecret, String userId, long tokens) throws Exception {
        String session = "cs_bench_" + UUID.randomUUID().toString().replace("-", "");
        long now = System.currentTimeMillis() / 1000;
        String payload = ("{\"id\":\"evt_%s\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                + "\"created\":%d,\"livemode\":false,\"type\":\"checkout.session.completed\",\"data\":{\"object\":"
                + "{\"id\":\"%s\",\"object\":\"checkout.session\",\"mode\":\"payment\",\"payment_status\":\"paid\","
                + "\"status\":\"complete\",\"customer\":null,\"amount_total\":%d,\"currency\":\"eur\","
                + "\"metadata\":{\"userId\":\"%s\",\"kind\":\"topup\",\"tokens\":\"%d\"}}}}")
                .formatted(session, now, session, tokens / 10, userId, tokens);
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal((now + "." + payload).getBytes()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/billing/webhook"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + now + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("top-up webhook refused: HTTP " + response.statusCode());
        }
    }

    /** Waits until the ledger shows the top-up (it travels billing → Kafka → token-service). */
    void awaitBalanceAtLeast(User user, long tokens) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> balance = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/tokens/balance"))
                    .header("Authorization", "Bearer " + user.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
            Matcher purchased = Pattern.compile("\"purchased\"\\s*:\\s*(\\d+)").matcher(balance.body());
            if (purchased.find() && Long.parseLong(purchased.group(1)) >= tokens) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the top-up never reached the ledger of " + user.id());
    }

    private HttpResponse<String> post(String path, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " → HTTP " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + response.body());
        }
        return m.group(1);
    }
}
