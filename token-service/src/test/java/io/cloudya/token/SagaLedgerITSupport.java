package io.cloudya.token;

import io.cloudya.contracts.Topics;
import io.cloudya.outbox.testing.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * What the command-saga ITs share: the broker to publish on, the ledger's tables, and a probe on the topics
 * token-service writes the saga to (its outcomes and both AI job lanes), opened fresh for each test.
 */
abstract class SagaLedgerITSupport {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired EmbeddedKafkaBroker broker;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    KafkaProbe probe;
    LedgerState ledger;

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(broker, Topics.RESERVATION_EVENTS, Topics.AI_JOB_REQUESTS,
                Topics.AI_JOB_REQUESTS_PRIORITY);
        ledger = new LedgerState(jdbc);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }
}
