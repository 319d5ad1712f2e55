package io.cloudya.billing.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import java.util.Map;

/**
 * One local HTTP server per test JVM that speaks the Stripe endpoints we call; stripe-java is pointed at it
 * through {@code cloudya.stripe.api-base}. Tests stub and verify per user id, so they never interfere.
 */
public final class FakeStripe implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final WireMockServer SERVER = start();

    public static WireMockServer server() {
        return SERVER;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-stripe",
                Map.of("cloudya.stripe.api-base", SERVER.baseUrl())));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
