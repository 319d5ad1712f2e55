package io.cloudya.token.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code pgbench -b simple-update} against its own throwaway database and returns its tps. */
final class Pgbench {

    private static final String DATABASE = "cloudya_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private Pgbench() {
    }

    static double simpleUpdate(int clients, int seconds) throws Exception {
        String pgbench = locate();
        BenchDatabases.recreate(DATABASE, "postgres");
        try {
            run(List.of(pgbench, "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", "10", DATABASE));
            String out = run(List.of(pgbench, "-h", "127.0.0.1", "-U", "postgres", "-b", "simple-update",
                    "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), DATABASE));
            Matcher m = TPS.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no tps in pgbench output:\n" + out);
            }
            return Double.parseDouble(m.group(1));
        } finally {
            BenchDatabases.drop(DATABASE);
        }
    }

    private static String locate() {
        Path bundled = Path.of("/usr/lib/postgresql/15/bin/pgbench");
        return Files.isExecutable(bundled) ? bundled.toString() : "pgbench";
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }
}
