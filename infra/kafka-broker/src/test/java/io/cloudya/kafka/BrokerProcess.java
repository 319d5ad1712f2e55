package io.cloudya.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The packaged broker jar run as a child process, the way scripts run it. */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<String> readyLine = new CompletableFuture<>();

    private BrokerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStdout, "broker-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static BrokerProcess start(Path jar, int port, int controllerPort, Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString()))
                .redirectError(dataDir.resolveSibling(dataDir.getFileName() + "-stderr.log").toFile());
        builder.environment().put("KAFKA_PORT", Integer.toString(port));
        builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort));
        builder.environment().put("KAFKA_DATA_DIR", dataDir.toString());
        return new BrokerProcess(builder.start());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits for the one stdout line the broker prints when ready. */
    String awaitReadyLine(Duration timeout) throws Exception {
        return readyLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends SIGTERM and returns the exit code once the process has ended. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("broker did not stop on SIGTERM within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                readyLine.complete(line);
            }
            readyLine.completeExceptionally(new IllegalStateException("broker exited before printing a line"));
        } catch (IOException e) {
            readyLine.completeExceptionally(e);
        }
    }
}
