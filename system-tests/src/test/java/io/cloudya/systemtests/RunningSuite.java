package io.cloudya.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite, started once per test JVM with the same script a developer uses ({@code bin/cloudya-up}),
 * and stopped when the JVM exits. Set {@code CLOUDYA_GATEWAY_URL} to test a suite that is already running.
 */
final class RunningSuite {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static URI gateway;
    private static Path varDir;

    private RunningSuite() {
    }

    static synchronized URI gateway() {
        if (gateway == null) {
            String external = System.getenv("CLOUDYA_GATEWAY_URL");
            gateway = external != null ? URI.create(external) : start();
        }
        return gateway;
    }

    private static URI start() {
        Path root = Path.of(System.getenv().getOrDefault("CLOUDYA_ROOT", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("system-tests/target/suite");
        Path console = work.resolve("cloudya-up.out");
        varDir = work.resolve("var");
        try {
            Files.createDirectories(work);
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("bin/cloudya-up").toString(), "--no-build")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().put("CLOUDYA_VAR_DIR", work.resolve("var").toString());
            builder.environment().put("LOG_DIR", work.resolve("logs").toString());
            builder.environment().put("STRIPE_WEBHOOK_SECRET", StripeWebhooks.SECRET);
            // C1 only: eight JVMs start (and restart, in the fault test) sooner on two cores; no benchmark runs here.
            builder.environment().put("CLOUDYA_JIT", "c1");
            // AOT caches: trained once (~65 s here), they pay back in the fault test, whose eight restarts each
            // start in about half the time (the module ran 289 s instead of 311 s, docs/benchmarks.md).
            builder.environment().put("CLOUDYA_AOT", "true");
            // bin/cloudya-up adds what depends on the JDK (compact headers on 25) before these.
            builder.environment().put("JVM_OPTS", "-Xms32m -Xmx192m -XX:+UseSerialGC -Xss512k "
                    + "-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m");
            // Short deadlines so the fault-injection test sees hanging work resolved in time; the reservation
            // outlives a service restart (~20 s here) so a late but real answer is still charged.
            builder.environment().put("ANSWER_TIMEOUT", "10s");
            builder.environment().put("TOKEN_RESERVATION_TTL", "60s");
            builder.environment().put("TOKEN_SWEEP_INTERVAL", "2s");
            // The ledger moves an account back to Free when its paid period ends; the billing tests end periods
            // seconds ahead, so the job that notices runs every 2 s instead of every minute.
            builder.environment().put("TOKEN_REFILL_INTERVAL", "2s");
            // Rate limits have their own tests (gateway-service RateLimitIT); here Free users drive steady load.
            builder.environment().put("RATE_FREE_RPM", "6000");
            builder.environment().put("RATE_FREE_BURST", "6000");
            Process suite = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(suite)));
            awaitReady(suite, console);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the suite", e);
        }
        return URI.create("http://127.0.0.1:8080");
    }

    /** The suite's var directory (pid files under run/), or null when testing an external suite. */
    static synchronized Path varDir() {
        gateway();
        return varDir;
    }

    private static void awaitReady(Process suite, Path console) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.readString(console);
            if (output.contains("Cloudya is up")) {
                return;
            }
            if (!suite.isAlive()) {
                throw new IllegalStateException("the suite exited during start:\n" + output);
            }
            pause();
        }
        stop(suite);
        throw new IllegalStateException("the suite did not start within " + START_TIMEOUT + ":\n"
                + Files.readString(console));
    }

    private static void stop(Process suite) {
        suite.destroy();
        try {
            if (!suite.waitFor(30, TimeUnit.SECONDS)) {
                suite.descendants().forEach(ProcessHandle::destroyForcibly);
                suite.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the suite", e);
        }
    }
}
