package io.cloudya.token.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (JIT and GC included) and by the PostgreSQL backends serving one database,
 * read from Linux's /proc. On a shared 2-core machine throughput moves with the neighbours' load; CPU per
 * operation moves much less, so the bench prints both. Zero for PostgreSQL where /proc is not readable.
 */
record CpuClock(long jvmNanos, long postgresNanos) {

    // USER_HZ: /proc/<pid>/stat counts CPU in ticks of 10 ms on every common Linux build
    private static final long NANOS_PER_TICK = 10_000_000L;

    static CpuClock now(String database) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuClock(os.getProcessCpuTime(), postgresNanos(database));
    }

    /** Microseconds per operation spent by the JVM and by PostgreSQL between {@code start} and this sample. */
    String perOperationSince(CpuClock start, int operations) {
        return String.format("JVM %.0f µs + PostgreSQL %.0f µs", (jvmNanos - start.jvmNanos) / 1e3 / operations,
                (postgresNanos - start.postgresNanos) / 1e3 / operations);
    }

    private static long postgresNanos(String database) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> backendTicks(p, database)).sum() * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long backendTicks(Path process, String database) {
        try {
            // a backend's title is "postgres: <user> <database> <client> <state>"
            String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
            if (!title.startsWith("postgres: ") || !title.contains(" " + database + " ")) {
                return 0;
            }
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // exited meanwhile, or not ours to read
        }
    }
}
