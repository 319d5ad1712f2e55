import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on the CLI's exact request: commands are sent on a fixed schedule whatever the answers do, and
 * each latency is counted from the moment its command was due (so a stall is not hidden by sending less).
 * Run: STRIPE_WEBHOOK_SECRET=… java bench/SagaLoadBench.java [gatewayUrl] [rates=50,100,200] [seconds=60]
 *      [warmupSeconds=60] [users=10]
 * It makes and funds its own users (bench/BenchUsers.java); the suite must allow the rate (RATE_FREE_RPM).
 */
public class SagaLoadBench {

    private static final String BODY = "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}";

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        String[] rates = (args.length > 1 ? args[1] : "50,100,200").split(",");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int userCount = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        BenchUsers users = new BenchUsers(http, gateway);
        List<HttpRequest> requests = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            BenchUsers.User user = users.create();
            users.fund(System.getenv("STRIPE_WEBHOOK_SECRET"), user.id(), 10_000_000);
            users.awaitBalanceAtLeast(user, 10_000_000);
            requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/command"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + user.apiKey())
                    .timeout(Duration.ofSeconds(40)).POST(HttpRequest.BodyPublishers.ofString(BODY)).build());
        }
        System.out.printf("%d funded users; warming up %d s at %s/s%n", userCount, warmup, rates[0]);
        run(http, requests, Integer.parseInt(rates[0]), warmup);
        for (String rate : rates) {
            Result result = run(http, requests, Integer.parseInt(rate), seconds);
            System.out.println(result.describe(Integer.parseInt(rate), seconds));
        }
    }

    private static Result run(HttpClient http, List<HttpRequest> requests, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        List<Double> millis = Collections.synchronizedList(new ArrayList<>(total));
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            inFlight.add(http.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 200) {
                            // the cause says which: a time-out (HttpTimeoutException) or a refused connection
                            Throwable cause = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            String why = cause != null ? cause.getClass().getSimpleName() : "HTTP " + response.statusCode();
                            failures.computeIfAbsent(why, k -> new AtomicInteger()).incrementAndGet();
                        } else {
                            millis.add((System.nanoTime() - due) / 1e6);
                        }
                    }));
        }
        long sent = System.nanoTime();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(millis, failures, total / ((sent - start) / 1e9));
    }

    private record Result(List<Double> millis, Map<String, AtomicInteger> failures, double sentRate) {

        String describe(int rate, int seconds) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "rate=%d/s: no answer; failures=%s".formatted(rate, failures);
            }
            return "rate=%d/s for %d s (sent %.1f/s): ok=%d failures=%s p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms"
                    .formatted(rate, seconds, sentRate, sorted.size(), failures, pct(sorted, 50), pct(sorted, 90),
                            pct(sorted, 99), sorted.getLast());
        }

        private static double pct(List<Double> sorted, int p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }
}
