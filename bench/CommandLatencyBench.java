import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Sends the CLI's exact request to a running suite, one at a time, and prints latency percentiles.
 * Run: java bench/CommandLatencyBench.java [gatewayUrl] [requests] [warmup]
 * Environment: CLOUDYA_TOKEN (the Bearer token: a JWT or a cly_ API key); with STRIPE_WEBHOOK_SECRET and
 * CLOUDYA_USER_ID set, the user is first funded with a signed Stripe top-up webhook (as a real purchase is).
 */
public class CommandLatencyBench {

    private static final String BODY = "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}";

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String secret = System.getenv("STRIPE_WEBHOOK_SECRET");
        String userId = System.getenv("CLOUDYA_USER_ID");
        if (secret != null && userId != null) {
            fund(http, gateway, secret, userId, 1_000_000);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/command"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + System.getenv().getOrDefault("CLOUDYA_TOKEN", "cly_bench"))
                .timeout(Duration.ofSeconds(40))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
        for (int i = 0; i < warmup; i++) {
            send(http, request);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            send(http, request);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("requests=%d warmup=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms%n",
                requests, warmup, pct(millis, 50), pct(millis, 90), pct(millis, 99), millis.getLast());
    }

    /** A paid top-up, delivered as Stripe delivers it (bench/BenchUsers.java); then the ledger has it. */
    private static void fund(HttpClient http, String gateway, String secret, String userId, long tokens)
            throws Exception {
        BenchUsers users = new BenchUsers(http, gateway);
        users.fund(secret, userId, tokens);
        System.out.println("funded " + userId + " with " + tokens + " tokens");
        Thread.sleep(2000); // the purchase travels billing → Kafka → token-service before the first command
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
