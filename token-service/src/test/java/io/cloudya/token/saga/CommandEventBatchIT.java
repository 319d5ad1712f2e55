package io.cloudya.token.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.token.Counters;
import io.cloudya.token.Events;
import io.cloudya.token.FaultInjection;
import io.cloudya.token.LedgerState;
import io.cloudya.token.TokenServiceIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** One poll of saga events: one transaction when it can, one per event when it cannot, in order either way. */
@TokenServiceIT
class CommandEventBatchIT {

    @Autowired CommandEventBatch batch;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    private final String user = Events.newUser("batch");

    @AfterEach
    void disarm() {
        FaultInjection.FAIL_NEXT_APPENDS.set(0);
    }

    @Test
    void shouldApplyAPollInOrderInOneTransactionSkippingADuplicateInsideIt() {
        UUID command = UUID.randomUUID();
        var requested = Events.requested(user, command, 300);
        double fallbacksBefore = count("tokens.saga.batch.fallbacks");

        // in order, the answer settles and the failure after it finds the reservation resolved
        batch.apply(json(requested, requested, Events.answered(user, command, 100),
                Events.gaveUp(user, command, "no_provider")));

        var ledger = new LedgerState(jdbc);
        assertThat(ledger.reservationStatus(command)).isEqualTo("SETTLED");
        assertThat(ledger.buckets(user).allowance()).isEqualTo(900);
        assertThat(ledger.entries(user)).as("sign-up grant, reserve, settle").isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", requested.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(count("tokens.saga.batch.fallbacks")).isEqualTo(fallbacksBefore);
    }

    @Test
    void shouldApplyTheOtherEventsAndRejectTheBadOneOnceWhenOneEventOfAPollIsRejected() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        var wrongUser = Events.answered("someone-else", first, 10);
        double rejectedBefore = rejected("reservation_mismatch");
        double fallbacksBefore = count("tokens.saga.batch.fallbacks");

        batch.apply(json(Events.requested(user, first, 300), wrongUser, Events.requested(user, second, 300),
                Events.answered(user, second, 50)));

        var ledger = new LedgerState(jdbc);
        assertThat(ledger.reservationStatus(first)).isEqualTo("PENDING");
        assertThat(ledger.reservationStatus(second)).isEqualTo("SETTLED");
        assertThat(ledger.buckets(user).available()).isEqualTo(1000 - 300 - 50);
        assertThat(rejected("reservation_mismatch")).isEqualTo(rejectedBefore + 1);
        assertThat(count("tokens.saga.batch.fallbacks")).isEqualTo(fallbacksBefore + 1);
    }

    @Test
    void shouldCommitTheEventsBeforeAFailingOneAndNameItForRedelivery() {
        UUID parkedCommand = UUID.randomUUID();
        UUID failingCommand = UUID.randomUUID();
        // the first event writes no outbox row; the second's append fails in the batch and again on its own
        FaultInjection.FAIL_NEXT_APPENDS.set(2);

        assertThatThrownBy(() -> batch.apply(json(Events.gaveUp(user, parkedCommand, "no_provider"),
                Events.requested(user, failingCommand, 300))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));

        assertThat(jdbc.sql("SELECT count(*) FROM early_outcome WHERE command_id = :c").param("c", parkedCommand)
                .query(Long.class).single()).as("committed on its own").isEqualTo(1);
        assertThat(new LedgerState(jdbc).reservationStatus(failingCommand)).as("rolled back").isNull();
    }

    private static List<ConsumerRecord<String, String>> json(EventEnvelope<?>... events) {
        return Arrays.stream(events).map(e -> new ConsumerRecord<>(Topics.COMMAND_EVENTS, 0, 0L, e.key(),
                EventJson.write(e))).toList();
    }

    private double rejected(String code) {
        return new Counters(meters).rejected(code);
    }

    private double count(String name) {
        return new Counters(meters).count(name);
    }
}
