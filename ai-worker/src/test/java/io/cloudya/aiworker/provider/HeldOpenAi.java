package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI chat-completions endpoint (WireMock, the real streaming wire format) that keeps every request
 * whose prompt contains {@link #HOLD} waiting until {@link #release()}, like a model that is still thinking, and
 * counts how many it keeps at once: the tests assert concurrency on what the provider saw, not on timing.
 */
public final class HeldOpenAi {

    public static final String HOLD = "hold-this-answer";
    private static final long MAX_HOLD_SECONDS = 30;

    private final WireMockServer server = new WireMockServer(
            wireMockConfig().dynamicPort().containerThreads(64).extensions(new Gate()));
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    public synchronized void start() {
        if (!server.isRunning()) {
            server.start();
            server.stubFor(post(urlPathEqualTo(ProviderWire.OPENAI_PATH)).willReturn(ProviderWire.streaming(
                    "text/event-stream", ProviderWire.openAiSse(ProviderWire.ANSWER))));
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Holds the requests that arrive from now on (and forgets the previous test's high-water mark). */
    public void hold() {
        mostHeld.set(holding.get());
        gate = new CountDownLatch(1);
    }

    /** Answers every held request, and every later one at once until {@link #hold()}. */
    public void release() {
        gate.countDown();
    }

    public int holding() {
        return holding.get();
    }

    public int mostHeldAtOnce() {
        return mostHeld.get();
    }

    /** Requests received so far whose prompt contains {@code text}, counted on arrival. */
    public long requestsMentioning(String text) {
        return prompts.stream().filter(prompt -> prompt.contains(text)).count();
    }

    /** Runs on WireMock's request thread before the stub's answer is sent, so waiting here holds the answer. */
    private final class Gate implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String prompt = event.getRequest().getBodyAsString();
            prompts.add(prompt);
            if (prompt.contains(HOLD)) {
                mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                try {
                    gate.await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    holding.decrementAndGet();
                }
            }
            return event.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "held-openai";
        }
    }
}
