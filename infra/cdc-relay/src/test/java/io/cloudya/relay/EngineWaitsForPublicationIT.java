package io.cloudya.relay;

import static io.cloudya.relay.support.Records.hasId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import io.cloudya.relay.engine.OutboxEngines;
import io.cloudya.relay.support.OutboxDatabase;
import io.cloudya.relay.support.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relay.kafka-bootstrap-servers=${spring.embedded.kafka.brokers}",
        "relay.retry.initial-backoff=100ms",
        "relay.retry.max-backoff=500ms"})
@EmbeddedKafka(partitions = 1, topics = "it.late-publication")
class EngineWaitsForPublicationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Not created yet: the relay starts before the service's database and migration exist. */
    private static final OutboxDatabase DB = OutboxDatabase.withRandomName("wait");

    @Autowired
    OutboxEngines engines;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void relayADatabaseThatDoesNotExistYet(DynamicPropertyRegistry registry) throws Exception {
        registry.add("relay.databases", DB::name);
        registry.add("relay.data-dir", () -> tempDir().toString());
    }

    @AfterEach
    void stopEngineAndDropDatabase() {
        try {
            engines.stop();
        } finally {
            DB.drop();
        }
    }

    @Test
    void shouldReportDownWhileDatabaseOrPublicationIsMissingAndStreamOnceMigrated() throws Exception {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(engineHealth().path("details").path("reason").asString())
                .contains("database not reachable").contains("does not exist"));
        assertThat(engineHealth().path("status").asString()).isEqualTo("DOWN");
        assertThat(health().path("components").path("kafka").path("status").asString()).isEqualTo("UP");

        DB.create();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(engineHealth().path("details").path("reason").asString())
                .contains("publication cloudya_outbox does not exist yet"));
        assertThat(engineHealth().path("status").asString()).isEqualTo("DOWN");

        DB.migrate();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(engineHealth().path("status").asString()).isEqualTo("UP"));
        assertThat(health().path("status").asString()).isEqualTo("UP");

        UUID id = DB.commitEvent("it.late-publication", "user-" + UUID.randomUUID());
        try (TopicReader reader = new TopicReader(brokers, "it.late-publication")) {
            assertThat(reader.readThrough(r -> hasId(r, id), TIMEOUT)).hasSize(1);
        }
    }

    private JsonNode engineHealth() throws Exception {
        return health().path("components").path("outbox").path("components").path(DB.name());
    }

    private JsonNode health() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
            // 503 while anything is DOWN: the body is read either way.
            return JsonMapper.builder().build().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    private static java.nio.file.Path tempDir() {
        try {
            return Files.createTempDirectory("relay-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
