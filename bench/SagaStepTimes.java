import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a command's time goes: sends the CLI's request one at a time (after a warm-up), then reads the saga's events
 * back from Kafka and joins their record timestamps (set by the producing service, same clock) with the client's
 * send and receive times. Prints p50/p90/p99 per step. The earliest copy of each event counts (fast path or relay).
 * Run: java -cp <kafka-clients.jar> bench/SagaStepTimes.java [gatewayUrl] [requests] [warmup] [kafka]
 * with the suite up as for SagaLoadBench (STRIPE_WEBHOOK_SECRET=whsec_bench, RATE_FREE_RPM raised).
 */
public class SagaStepTimes {

    /** The answer's path; the settlement (→ ReservationSettled, from AiJobCompleted) is off the path. */
    private static final List<String> STEPS = List.of("CommandRequested", "AiJobRequested", "AiJobCompleted");
    private static final List<String> TOPICS = List.of("command.events", "reservation.events", "ai-job.requests",
            "ai-job.requests.priority");
    private static final Pattern COMMAND_ID = Pattern.compile("\"commandId\"\\s*:\\s*\"([0-9a-f-]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern ANSWER_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]+)\"");

    record Sent(String commandId, long startMillis, long endMillis) { }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        String kafka = args.length > 3 ? args[3] : "127.0.0.1:9092";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchUsers users = new BenchUsers(http, gateway);
        BenchUsers.User user = users.create();
        users.fund(System.getenv("STRIPE_WEBHOOK_SECRET"), user.id(), 10_000_000);
        users.awaitBalanceAtLeast(user, 10_000_000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/command"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + user.apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}")).build();
        for (int i = 0; i < warmup; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long since = System.currentTimeMillis();
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.currentTimeMillis();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long end = System.currentTimeMillis();
            Matcher id = ANSWER_ID.matcher(response.body());
            if (response.statusCode() == 200 && id.find()) {
                sent.add(new Sent(id.group(1), start, end));
            }
            Thread.sleep(20);
        }
        report(sent, eventTimes(kafka, since));
    }

    /** Earliest record timestamp of each saga event, by command id, for records written since {@code since}. */
    private static Map<String, Map<String, Long>> eventTimes(String kafka, long since) {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        Map<String, Map<String, Long>> byCommand = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            TOPICS.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
            consumer.assign(partitions);
            Map<TopicPartition, Long> from = new HashMap<>();
            partitions.forEach(p -> from.put(p, since));
            consumer.offsetsForTimes(from).forEach((p, o) -> {
                if (o == null) consumer.seekToEnd(List.of(p)); else consumer.seek(p, o.offset());
            });
            for (int emptyPolls = 0; emptyPolls < 3; ) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (var record : records) {
                    Matcher command = COMMAND_ID.matcher(record.value());
                    Matcher type = TYPE.matcher(record.value());
                    if (command.find() && type.find()) {
                        byCommand.computeIfAbsent(command.group(1), k -> new HashMap<>())
                                .merge(type.group(1), record.timestamp(), Math::min);
                    }
                }
            }
        }
        return byCommand;
    }

    private static void report(List<Sent> sent, Map<String, Map<String, Long>> events) {
        Map<String, List<Long>> steps = new java.util.LinkedHashMap<>();
        for (Sent s : sent) {
            Map<String, Long> at = events.get(s.commandId());
            if (at == null || !at.keySet().containsAll(STEPS)) {
                continue;
            }
            add(steps, "gateway + command-service until CommandRequested", at.get(STEPS.getFirst()) - s.startMillis());
            for (int i = 1; i < STEPS.size(); i++) {
                add(steps, STEPS.get(i - 1) + " -> " + STEPS.get(i), at.get(STEPS.get(i)) - at.get(STEPS.get(i - 1)));
            }
            add(steps, "AiJobCompleted -> answer at the client", s.endMillis() - at.get(STEPS.getLast()));
            add(steps, "whole request", s.endMillis() - s.startMillis());
        }
        steps.forEach((name, millis) -> {
            Collections.sort(millis);
            System.out.printf("%-50s n=%d p50=%d p90=%d p99=%d ms%n", name, millis.size(), millis.get(millis.size() / 2),
                    millis.get(millis.size() * 9 / 10), millis.get(millis.size() * 99 / 100));
        });
    }

    private static void add(Map<String, List<Long>> steps, String name, long millis) {
        steps.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
    }
}
