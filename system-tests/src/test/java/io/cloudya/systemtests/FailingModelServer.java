package io.cloudya.systemtests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model provider that is up but broken: every request gets a 500 with an error body, as OpenAI and Ollama send
 * during an outage. It counts the requests per path, so a test can prove the ai-worker really asked it (a provider
 * left disabled by a misnamed variable would be skipped silently, and the test would prove nothing).
 */
record FailingModelServer(HttpServer server, Map<String, AtomicInteger> hits) implements AutoCloseable {

    static FailingModelServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var failing = new FailingModelServer(server, new ConcurrentHashMap<>());
            server.createContext("/", failing::fail);
            server.start();
            return failing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the failing model server", e);
        }
    }

    /** A local port nobody listens on: a provider pointed there gets "connection refused", as when it is down. */
    static int deadPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void fail(HttpExchange exchange) throws IOException {
        try (exchange) {
            hits.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"error\":{\"message\":\"The server had an error while processing your request.\","
                    + "\"type\":\"server_error\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
