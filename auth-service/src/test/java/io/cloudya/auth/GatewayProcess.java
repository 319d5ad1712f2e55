package io.cloudya.auth;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway, started from {@code gateway-service/target/gateway-service.jar} as its own process (the
 * reactor builds gateway-service before auth-service). A jar cannot join this test's classpath: it is a
 * Spring Boot fat jar, and the two apps would fight over auto-configuration anyway.
 */
public final class GatewayProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** {@code extraArgs}: more {@code --property=value} arguments, e.g. a Keycloak issuer. */
    public static GatewayProcess start(String authUrl, String commandUrl, String... extraArgs)
            throws IOException, InterruptedException {
        Path jar = Path.of("..", "gateway-service", "target", "gateway-service.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build gateway-service first (" + jar + " is missing): "
                    + "./mvnw -pl gateway-service,auth-service verify");
        }
        int port = freePort();
        Path log = Files.createTempFile("gateway-journey", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port,
                "--cloudya.upstreams.auth=" + authUrl,
                "--cloudya.upstreams.command=" + commandUrl,
                "--cloudya.health.kafka-bootstrap-servers=127.0.0.1:1",
                "--cloudya.auth.api-key-cache-ttl=1s"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, port, log);
        gateway.awaitReady(Duration.ofSeconds(60));
        return gateway;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("gateway exited: " + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("gateway not ready in " + timeout + ", log at " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        new File(log.toString()).deleteOnExit();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
