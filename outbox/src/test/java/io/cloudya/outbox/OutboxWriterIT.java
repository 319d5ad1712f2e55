package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.auth.UserRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = OutboxTestApplication.class)
class OutboxWriterIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.recreate("cloudya_outbox_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.flyway.locations", () -> "classpath:db/outbox");
    }

    @Autowired OutboxWriter outbox;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void clearCapturedSends() {
        OutboxTestApplication.FAST_PATH_SENT.clear();
    }

    @Test
    void handsCommittedEventToFastPathAfterCommitAndLeavesTableEmpty() {
        var event = EventEnvelope.of("user-1", "trace-1", new UserRegistered("user-1", "a@b.io", "free"));

        tx.executeWithoutResult(status -> {
            outbox.append("user.events", "user", event);
            assertThat(OutboxTestApplication.FAST_PATH_SENT).as("nothing sent before commit").isEmpty();
        });

        assertThat(OutboxTestApplication.FAST_PATH_SENT).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("user.events");
            assertThat(sent.key()).isEqualTo("user-1");
            assertThat(sent.eventId()).isEqualTo(event.id());
            assertThat(sent.eventType()).isEqualTo("UserRegistered");
            assertThat(EventJson.read(sent.json())).isEqualTo(event);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM outbox").query(Long.class).single()).isZero();
    }

    @Test
    void sendsNothingWhenTransactionRollsBack() {
        var event = EventEnvelope.of("user-2", null, new UserRegistered("user-2", "c@d.io", "free"));

        tx.executeWithoutResult(status -> {
            outbox.append("user.events", "user", event);
            status.setRollbackOnly();
        });

        assertThat(OutboxTestApplication.FAST_PATH_SENT).isEmpty();
    }

    @Test
    void refusesToWriteOutsideTransaction() {
        var event = EventEnvelope.of("user-3", null, new UserRegistered("user-3", "e@f.io", "free"));

        assertThatThrownBy(() -> outbox.append("user.events", "user", event))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(OutboxTestApplication.FAST_PATH_SENT).isEmpty();
    }
}
