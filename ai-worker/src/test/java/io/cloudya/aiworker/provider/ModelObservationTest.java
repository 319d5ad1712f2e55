package io.cloudya.aiworker.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.cloudya.aiworker.provider.ProviderWire.ANSWER;
import static io.cloudya.aiworker.provider.ProviderWire.ANTHROPIC_PATH;
import static io.cloudya.aiworker.provider.ProviderWire.OPENAI_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.observation.conventions.AiObservationAttributes;

/** Each model call is observed the Spring AI way (gen_ai.client.operation), per provider, streamed answers too. */
class ModelObservationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String OPERATION = "gen_ai.client.operation";

    @RegisterExtension
    static final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = observedInto(meters);

    @Test
    void timesAStreamedOpenAiAnswerUnderTheStandardOperationName() {
        wire.stubFor(post(urlPathEqualTo(OPENAI_PATH))
                .willReturn(ProviderWire.streaming("text/event-stream", ProviderWire.openAiSse(ANSWER))));

        ChatModelFactory.create(ProviderChain.openAi(wire.baseUrl(), TIMEOUT), observations)
                .stream(new Prompt("list pods")).blockLast();

        assertThat(timer("openai").count()).isEqualTo(1);
    }

    @Test
    void tellsProvidersApartInTheObservation() {
        wire.stubFor(post(urlPathEqualTo(ANTHROPIC_PATH))
                .willReturn(ProviderWire.streaming("text/event-stream", ProviderWire.anthropicSse(ANSWER))));

        ChatModelFactory.create(ProviderChain.anthropic(wire.baseUrl(), TIMEOUT), observations)
                .stream(new Prompt("list pods")).blockLast();

        assertThat(timer("anthropic").count()).isEqualTo(1);
        assertThat(meters.find(OPERATION).tag(AiObservationAttributes.AI_PROVIDER.value(), "openai").timer())
                .isNull();
    }

    /** The observation stops once the stream has completed, which may be just after the last element arrived. */
    private Timer timer(String provider) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(find(provider))
                .as("%s timer tagged %s; meters: %s", OPERATION, provider, meters.getMetersAsString()).isNotNull());
        return find(provider);
    }

    private Timer find(String provider) {
        return meters.find(OPERATION).tag(AiObservationAttributes.AI_PROVIDER.value(), provider).timer();
    }

    private static ObservationRegistry observedInto(SimpleMeterRegistry meters) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return registry;
    }
}
