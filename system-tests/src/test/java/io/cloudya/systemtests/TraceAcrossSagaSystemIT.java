package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.systemtests.SagaEventLog.SagaRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One trace from the CLI's request to its answer: every event of the command's saga, on every Kafka hop (and each
 * CDC relay copy already on the broker), continues the trace whose id the gateway returned as X-Trace-Id. Without
 * the gateway's traceparent, command-service starts a trace of its own and this fails (tried).
 */
class TraceAcrossSagaSystemIT {

    private static final Set<String> SAGA = Set.of("CommandRequested", "AiJobRequested", "AiJobCompleted",
            "ReservationSettled");

    @Test
    void everySagaEventOfACommandCarriesTheTraceTheGatewayReturned() {
        Gateway gateway = new Gateway(RunningSuite.gateway());
        Gateway cli = gateway.as(Accounts.newUser(gateway).apiKey());
        Instant sent = Instant.now().minusSeconds(1);

        var reply = cli.postJson("/api/command",
                "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.traceId()).matches("[0-9a-f]{32}");
        var records = SagaEventLog.of(reply.body().get("id").asString(), sent, SAGA, Duration.ofSeconds(30));
        assertThat(records).map(SagaRecord::type).containsAll(SAGA);
        assertThat(records).allSatisfy(record -> assertThat(record.traceparent()).as(record.type())
                .matches("00-" + reply.traceId() + "-[0-9a-f]{16}-0[01]"));
    }
}
