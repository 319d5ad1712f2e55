package io.cloudya.command;

import static io.cloudya.command.SagaPlayer.WAIT;
import static org.awaitility.Awaitility.await;

import io.cloudya.command.store.CommandRepository;
import io.cloudya.command.store.CommandStatus;
import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.EventEnvelope;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every saga IT sets up: once the listeners own their partitions, a {@link SagaPlayer} in the role of
 * token-service and the ai-worker, and a {@link CommandApi} in the role of the gateway. The subclass brings the
 * context ({@link SagaIT}, or its own properties).
 */
abstract class SagaITSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommandRepository commands;
    @Autowired JdbcClient jdbc;

    SagaPlayer saga;
    CommandApi api;

    @BeforeEach
    void listenersOwnTheirPartitions() {
        Listeners.awaitAssigned(listeners);
        saga = new SagaPlayer(broker, kafka);
        api = new CommandApi(port);
    }

    @AfterEach
    void closePlayer() {
        saga.close();
    }

    /** The command's row once it has reached {@code status}. */
    StoredCommand awaitStatus(UUID commandId, CommandStatus status) {
        return await().atMost(WAIT).until(() -> commands.findById(commandId).orElseThrow(),
                row -> row.status() == status);
    }

    /** Once the durable group has applied {@code event} (its handler's transaction committed). */
    void awaitApplied(EventEnvelope<?> event) {
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", event.id()).query(Long.class).single() == 1);
    }
}
