package io.cloudya.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Every model provider down at once, through the gateway: the ai-worker is restarted with OpenAI and Ollama
 * answering 500, Anthropic unreachable and the offline knowledge base off. The CLI's request must get 503
 * {@code no_provider}, the ledger must give back every reserved token, and the command must be FAILED in history.
 * The other system tests share this suite, so the ai-worker is always put back as it was.
 */
class AllProvidersDownSystemIT {

    private static final long FUNDED = 50_000;
    private static final Duration GRACE = Duration.ofSeconds(60);

    private static Gateway gateway;
    private static SuitePart aiWorker;
    private static SuitePart.Launch original;
    private static FailingModelServer failingModels;

    @BeforeAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    static void restartTheAiWorkerWithEveryProviderDown() throws Exception {
        gateway = new Gateway(RunningSuite.gateway());
        Assumptions.assumeTrue(RunningSuite.varDir() != null, "needs the suite this JVM started (restarts a part)");
        failingModels = FailingModelServer.start();
        aiWorker = new SuitePart("ai-worker", RunningSuite.varDir());
        original = aiWorker.stop(GRACE);
        aiWorker.start(original.with(Map.of(
                "OFFLINE_KB_ENABLED", "false",
                "OPENAI_ENABLED", "true",
                "OPENAI_BASE_URL", failingModels.url() + "/v1",
                // the SDK clients refuse to be built without a key; these reach no real provider
                "OPENAI_API_KEY", "sk-cloudya-system-test",
                "ANTHROPIC_ENABLED", "true",
                "ANTHROPIC_BASE_URL", "http://127.0.0.1:" + FailingModelServer.deadPort(),
                "ANTHROPIC_API_KEY", "sk-ant-cloudya-system-test",
                "OLLAMA_ENABLED", "true",
                "OLLAMA_BASE_URL", failingModels.url())));
        AiWorkerProbe.awaitReady(gateway);
    }

    @AfterAll
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    static void restoreTheAiWorker() throws Exception {
        try {
            if (original != null) {
                if (aiWorker.isAlive()) {
                    aiWorker.stop(GRACE);
                }
                aiWorker.start(original);
                AiWorkerProbe.awaitReady(gateway);
            }
        } finally {
            if (failingModels != null) {
                failingModels.close();
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void answers503AndReleasesEveryTokenWhenNoProviderCanAnswer() throws Exception {
        var user = Accounts.newUser(gateway);
        var cli = gateway.as(user.apiKey());
        StripeWebhooks.deliver(gateway, StripeWebhooks.paidTopUp(user.id(), FUNDED));
        JsonNode before = await().atMost(Duration.ofSeconds(20)).until(() -> balance(cli),
                balance -> balance.get("buckets").get("purchased").asLong() == FUNDED);
        assertThat(before.get("buckets").get("reserved").asLong()).isZero();

        long sent = System.nanoTime();
        var reply = cli.postJson("/api/command",
                "{\"user_input\": \"list pods in namespace web\", \"execution_mode\": \"suggest\"}");
        System.out.printf("all-providers-down: %d %s after %d ms%n", reply.status(), reply.body(),
                (System.nanoTime() - sent) / 1_000_000);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
        assertThat(reply.body().get("code").asString()).isEqualTo("no_provider");
        assertThat(reply.body().get("message").asString()).isNotBlank();
        // well inside the reservation's 60 s TTL: the release must come from the failure, not from the expiry sweep
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode after = balance(cli);
            assertThat(after.get("buckets")).as("buckets, reserved included").isEqualTo(before.get("buckets"));
            assertThat(after.get("available").asLong()).isEqualTo(before.get("available").asLong());
        });
        assertTokensWereHeldThenReleased(cli);
        assertFailedInHistory(cli);
        assertEveryProviderWasAskedAndFailed();
    }

    /** A balance unchanged because nothing was ever reserved would prove no release: the ledger shows both. */
    private static void assertTokensWereHeldThenReleased(Gateway cli) {
        JsonNode items = cli.get("/api/tokens/history").body().get("items");
        JsonNode reserve = entry(items, "reserve");
        JsonNode release = entry(items, "release");
        assertThat(reserve).as("a reserve entry in " + items).isNotNull();
        assertThat(release).as("a release entry in " + items).isNotNull();
        assertThat(reserve.get("amount").asLong()).isPositive();
        assertThat(release.get("amount").asLong()).isEqualTo(reserve.get("amount").asLong());
        assertThat(release.get("ref").asString()).isEqualTo(reserve.get("ref").asString());
    }

    private static void assertFailedInHistory(Gateway cli) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode history = cli.get("/api/commands").body();
            assertThat(history.get("total").asLong()).as(history.toString()).isEqualTo(1);
            JsonNode command = history.get("items").get(0);
            assertThat(command.get("user_input").asString()).isEqualTo("list pods in namespace web");
            assertThat(command.get("status").asString()).isEqualTo("FAILED");
            assertThat(command.get("failure_code").asString()).isEqualTo("no_provider");
            JsonNode used = command.path("tokens_used");
            assertThat(used.isNumber() ? used.asLong() : 0L).as("tokens used by " + command).isZero();
        });
    }

    /** Each provider really asked, none answered: the 503 is the failover chain running out, not a shortcut. */
    private static void assertEveryProviderWasAskedAndFailed() {
        String seen = "requests per path " + failingModels.hits();
        assertThat(failingModels.hits("/v1/chat/completions")).as("OpenAI " + seen).isPositive();
        assertThat(failingModels.hits("/api/chat")).as("Ollama " + seen).isPositive();
        Map<String, Long> calls = AiWorkerProbe.providerCalls();
        System.out.println("all-providers-down: ai.provider.calls by provider/outcome " + calls);
        for (String provider : new String[] {"openai", "anthropic", "ollama"}) {
            assertThat(calls).as("calls of " + provider).containsKey(provider + "/error");
        }
        assertThat(calls.keySet()).noneMatch(key -> key.endsWith("/success"));
    }

    private static JsonNode entry(JsonNode items, String code) {
        return items.valueStream().filter(item -> code.equals(item.get("code").asString())).findFirst().orElse(null);
    }

    private static JsonNode balance(Gateway cli) {
        return cli.get("/api/tokens/balance").body();
    }
}
