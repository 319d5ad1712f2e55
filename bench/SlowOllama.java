import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A model that takes its time: Ollama's {@code /api/chat} wire format (NDJSON, the last line done=true), each answer
 * after a fixed delay, any number at once. With the ai-worker's lanes bounded (16 jobs each), the saga's capacity is
 * then the lane's, not the CPU's: 16 / delay answers per second, and what arrives beyond it waits in Kafka.
 * Run: java bench/SlowOllama.java [port 11434] [delay ms 1000]; the suite with OLLAMA_ENABLED=true.
 */
public class SlowOllama {

    private static final String ANSWER = "Lists the pods in namespace web.\\n\\n```commands\\n"
            + "kubectl get pods -n web # List the pods\\n```\\n";

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 11434;
        long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/chat", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"" + ANSWER + "\"},\"done\":false}\n"
                    + "{\"model\":\"llama3.2\",\"created_at\":\"2026-01-01T00:00:01Z\",\"message\":{\"role\":"
                    + "\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"eval_count\":15}\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("slow Ollama on :" + port + ", " + delayMillis + " ms per answer");
    }
}
