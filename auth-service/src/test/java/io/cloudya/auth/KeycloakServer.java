package io.cloudya.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak from the {@code keycloak-quarkus-dist} the {@code keycloak} Maven profile unpacks
 * ({@code -Dkeycloak.home}). Fast restarts (see notes/infra.md): build once, C1 only, a CDS archive, a small
 * heap, and the imported realm's H2 files kept as a snapshot keyed by the realm file's hash.
 */
final class KeycloakServer implements AutoCloseable {

    static final Path REALM = Path.of("src/test/resources/keycloak/cloudya-realm.json");

    private final Path home;
    private final Path snapshot;
    private final int port = GatewayProcess.freePort();
    private final int managementPort = GatewayProcess.freePort();
    private Process process;

    KeycloakServer(Path home) {
        this.home = home;
        this.snapshot = home.getParent().resolve("snapshot-" + TestFiles.shortHash(REALM)).resolve("h2");
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/cloudya";
    }

    /** An access token of a realm user, fetched as a CLI would: the password grant of a public client. */
    String passwordGrant(String client, String user, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&scope=openid&client_id=" + client + "&username=" + user
                + "&password=" + password;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused the password grant: " + response.body());
        }
        return JsonMapper.shared().readTree(response.body()).path("access_token").asString();
    }

    KeycloakServer start() throws IOException, InterruptedException {
        buildOnce();
        boolean fromSnapshot = Files.isDirectory(snapshot);
        TestFiles.deleteTree(home.resolve("data/h2"));
        if (fromSnapshot) {
            TestFiles.copyTree(snapshot, home.resolve("data/h2"));
        } else {
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(REALM, home.resolve("data/import/cloudya-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of("bash", "bin/kc.sh", "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--hostname=http://127.0.0.1:" + port, "--cache=local"));
        if (!fromSnapshot) {
            command.add("--import-realm");
        }
        process = kc(command).redirectOutput(home.resolve("keycloak.log").toFile()).start();
        awaitReady(Duration.ofSeconds(150));
        return this;
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        // kc.sh forwards SIGTERM to the JVM, which shuts Keycloak down cleanly (H2 files complete)
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        children.forEach(child -> child.onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> child).join());
        if (!Files.isDirectory(snapshot) && Files.isDirectory(home.resolve("data/h2"))) {
            TestFiles.copyTree(home.resolve("data/h2"), snapshot);
        }
    }

    private void buildOnce() throws IOException, InterruptedException {
        Path marker = home.resolve(".cloudya-built");
        if (Files.exists(marker)) {
            return;
        }
        Process build = kc(List.of("bash", "bin/kc.sh", "build", "--db=dev-file", "--health-enabled=true"))
                .redirectOutput(home.resolve("build.log").toFile()).start();
        if (!build.waitFor(180, TimeUnit.SECONDS) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build failed, see " + home.resolve("build.log"));
        }
        Files.writeString(marker, "built");
    }

    private ProcessBuilder kc(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-only-for-tests");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms32m -Xmx256m");
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive "
                + "-XX:SharedArchiveFile=" + home.resolve("keycloak-cds.jsa"));
        return builder;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited, see " + home.resolve("keycloak.log"));
            }
            if (ok(http, "http://127.0.0.1:" + managementPort + "/health/ready")
                    && ok(http, issuer() + "/.well-known/openid-configuration")) {
                return;
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("Keycloak not ready in " + timeout + ", see " + home.resolve("keycloak.log"));
    }

    private static boolean ok(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }
}
