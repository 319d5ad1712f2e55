package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's three execution modes against the plans that may or may not use them (issue 5): execute is Pro and
 * Enterprise only and marks a command runnable only when it is safe; explain never proposes anything to run.
 */
class ExecutionModesSystemIT {

    private static final String LIST_PODS = "list pods in namespace web";
    private static final String DESTROY = "destroy the terraform infrastructure";
    private static Map<String, Gateway> byPlan;

    @BeforeAll
    static void subscribeStarterAndEnterprise() {
        Gateway gateway = new Gateway(RunningSuite.gateway());
        var starter = Accounts.newUser(gateway);
        var enterprise = Accounts.newUser(gateway);
        Subscriptions.subscribe(gateway, starter, "starter");
        Subscriptions.subscribe(gateway, enterprise, "enterprise");
        byPlan = Map.of("free", gateway.as(Accounts.newUser(gateway).apiKey()),
                "starter", gateway.as(starter.apiKey()), "enterprise", gateway.as(enterprise.apiKey()));
    }

    @Test
    void starterIsToldWhichPlanUnlocksExecuteAndNothingIsStored() {
        Gateway starter = byPlan.get("starter");
        long storedBefore = starter.get("/api/commands").body().get("total").asLong();

        var reply = starter.postJson("/api/command", command(LIST_PODS, "execute"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(403);
        assertThat(reply.body().get("code").asString()).isEqualTo("plan_required");
        assertThat(reply.body().get("required_plan").asString()).isEqualTo("pro");
        assertThat(reply.body().get("message").asString()).contains("starter");
        assertThat(starter.get("/api/commands").body().get("total").asLong()).isEqualTo(storedBefore);
    }

    @Test
    void enterpriseExecuteMarksASafeCommandRunnableWithoutConfirmation() {
        var reply = byPlan.get("enterprise").postJson("/api/command", command(LIST_PODS, "execute"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("execution_mode").asString()).isEqualTo("execute");
        JsonNode only = single(reply.body().get("commands"));
        assertThat(only.get("command").asString()).isEqualTo("kubectl get pods -n web");
        assertThat(only.get("risk").asString()).isEqualTo("safe");
        assertThat(only.get("requires_confirmation").asBoolean()).isFalse();
    }

    @Test
    void enterpriseExecuteNeverMarksADangerousCommandRunnableUnconfirmed() {
        var reply = byPlan.get("enterprise").postJson("/api/command", command(DESTROY, "execute"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode only = single(reply.body().get("commands"));
        assertThat(only.get("command").asString()).isEqualTo("terraform destroy");
        assertThat(only.get("risk").asString()).isEqualTo("dangerous");
        assertThat(only.get("requires_confirmation").asBoolean()).isTrue();
        assertThat(only.get("reason").asString()).isNotBlank();
    }

    /** Explain is open to every plan; the command appears only as prose in the response, never as runnable. */
    @ParameterizedTest
    @ValueSource(strings = {"free", "starter", "enterprise"})
    void explainAnswersWithProseAndNoCommandToRun(String plan) {
        var reply = byPlan.get(plan).postJson("/api/command", command(DESTROY, "explain"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("execution_mode").asString()).isEqualTo("explain");
        assertThat(reply.body().get("commands").isArray()).isTrue();
        assertThat(reply.body().get("commands")).isEmpty();
        assertThat(reply.body().get("response").asString()).contains("terraform destroy").contains("deletes");
        assertThat(reply.body().get("tokens_used").asLong()).isPositive();
    }

    @Test
    void absentModeMeansSuggest() {
        var reply = byPlan.get("free").postJson("/api/command", "{\"user_input\": \"" + LIST_PODS + "\"}");

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("execution_mode").asString()).isEqualTo("suggest");
        assertThat(single(reply.body().get("commands")).get("command").asString()).isEqualTo("kubectl get pods -n web");
    }

    private static String command(String input, String mode) {
        return "{\"user_input\": \"%s\", \"execution_mode\": \"%s\"}".formatted(input, mode);
    }

    private static JsonNode single(JsonNode commands) {
        assertThat(commands).as(String.valueOf(commands)).hasSize(1);
        return commands.get(0);
    }
}
