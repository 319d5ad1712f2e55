package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudya.token.grant.PurchaseTokensHandler;
import io.cloudya.token.ledger.LedgerAudit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The audit re-derives accounts from entries; the ledger refuses edits. */
@TokenServiceIT
class LedgerAuditIT {

    @LocalServerPort int port;
    @Autowired LedgerAudit audit;
    @Autowired PurchaseTokensHandler purchase;
    @Autowired JdbcClient jdbc;

    @Test
    void shouldRefuseToUpdateOrDeleteLedgerEntries() {
        String user = Events.newUser("append-only");
        purchase.handle(Events.purchased(user, "p-" + user, 100));

        assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET amount = 1 WHERE user_id = :u")
                .param("u", user).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry WHERE user_id = :u")
                .param("u", user).update()).hasMessageContaining("append-only");
    }

    @Test
    void shouldFindAnAccountChangedWithoutAnEntryAndReportItOnTheActuator() throws Exception {
        String user = Events.newUser("tampered");
        purchase.handle(Events.purchased(user, "p-" + user, 100));
        int before = audit.run().anomalies();
        // a balance edited behind the ledger's back (still internally consistent, so the CHECK lets it pass)
        jdbc.sql("UPDATE token_account SET purchased = purchased + 50, credits_posted = credits_posted + 50 "
                + "WHERE user_id = :u").param("u", user).update();
        try {
            var report = audit.run();
            assertThat(report.anomalies()).isEqualTo(before + 1);
            assertThat(report.listed()).anySatisfy(a -> {
                assertThat(a.userId()).isEqualTo(user);
                assertThat(a.columns()).isEqualTo("purchased,credits_posted");
            });
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/ledgeraudit")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JsonMapper.shared().readTree(response.body()).get("anomalies").asInt()).isEqualTo(before + 1);
        } finally {
            jdbc.sql("UPDATE token_account SET purchased = purchased - 50, credits_posted = credits_posted - 50 "
                    + "WHERE user_id = :u").param("u", user).update();
        }
        assertThat(audit.run().anomalies()).isEqualTo(before);
    }
}
