package io.cloudya.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One process of the running suite (a service, the broker, the relay), found by its pid file. The fault-injection
 * tests kill it with SIGKILL and start it again with the exact command line, environment and directory it had.
 */
record SuitePart(String name, Path varDir) {

    long pid() throws IOException {
        return Long.parseLong(Files.readString(pidFile()).trim());
    }

    /** SIGKILL: no shutdown hook, no graceful close, no flush: what a crashed node looks like. */
    Launch kill() throws IOException {
        long pid = pid();
        Launch launch = launchOf(pid);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().join();
        return launch;
    }

    /**
     * SIGTERM, SIGKILL only after {@code grace}: a planned restart. A graceful stop lets the part's Kafka consumers
     * leave their groups (static members too: outbox LeaveGroupOnClose), so the restarted part gets its partitions
     * at once.
     */
    Launch stop(Duration grace) throws IOException {
        long pid = pid();
        Launch launch = launchOf(pid);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        handle.destroy();
        try {
            handle.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping " + name, e);
        }
        return launch;
    }

    /** The files the part's JVM has mapped (libjvm, the JDK's class archive, an AOT cache it runs from). */
    Set<Path> mappedFiles() throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid()), "maps")).stream()
                .map(line -> line.split("\\s+", 6))
                .filter(fields -> fields.length == 6 && fields[5].startsWith("/"))
                .map(fields -> Path.of(fields[5]))
                .collect(Collectors.toSet());
    }

    boolean isAlive() throws IOException {
        return Files.exists(pidFile()) && ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Launch launchOf(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        return new Launch(
                split(Files.readAllBytes(proc.resolve("cmdline"))),
                environment(split(Files.readAllBytes(proc.resolve("environ")))),
                proc.resolve("cwd").toRealPath());
    }

    void start(Launch launch) throws IOException {
        Path log = varDir.getParent().resolve("logs").resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        Process process = builder.start();
        Files.writeString(pidFile(), Long.toString(process.pid()));
    }

    void killAndRestart(Duration down) throws IOException, InterruptedException {
        Launch launch = kill();
        Thread.sleep(down.toMillis());
        start(launch);
    }

    static void awaitTrue(String what, Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private Path pidFile() {
        return varDir.resolve("run").resolve(name + ".pid");
    }

    private static List<String> split(byte[] nulSeparated) {
        return Arrays.stream(new String(nulSeparated, StandardCharsets.UTF_8).split("\0"))
                .filter(part -> !part.isEmpty()).toList();
    }

    private static Map<String, String> environment(List<String> entries) {
        Map<String, String> env = new HashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                env.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return env;
    }

    record Launch(List<String> command, Map<String, String> environment, Path directory) {

        /** The same launch with some environment variables added or replaced. */
        Launch with(Map<String, String> changes) {
            Map<String, String> changed = new HashMap<>(environment);
            changed.putAll(changes);
            return new Launch(command, Map.copyOf(changed), directory);
        }
    }
}
