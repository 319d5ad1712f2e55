package io.cloudya.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * WireMock stand-ins for every part behind the gateway, started once per test JVM and shared by the test
 * classes (each class resets the stubs it needs). Keys are the names /api/health reports.
 */
public final class TestUpstreams {

    public static final String HEALTH_UP = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}";

    private static final Map<String, WireMockServer> SERVERS = start();

    private TestUpstreams() {
    }

    public static WireMockServer of(String name) {
        return SERVERS.get(name);
    }

    /** Points the gateway's upstream URLs at the WireMock servers. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("cloudya.upstreams.auth", () -> of("auth-service").baseUrl());
        registry.add("cloudya.upstreams.command", () -> of("command-service").baseUrl());
        registry.add("cloudya.upstreams.token", () -> of("token-service").baseUrl());
        registry.add("cloudya.upstreams.billing", () -> of("billing-service").baseUrl());
        registry.add("cloudya.upstreams.ai-worker", () -> of("ai-worker").baseUrl());
        registry.add("cloudya.upstreams.cdc-relay", () -> of("cdc-relay").baseUrl());
    }

    /** Clears recorded requests and stubs, then makes every part report healthy and auth serve its JWKS. */
    public static void resetAllHealthy() {
        SERVERS.values().forEach(server -> {
            server.resetAll();
            server.stubFor(get(urlEqualTo("/actuator/health")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody(HEALTH_UP)));
        });
        TestTokens.stubJwks(of("auth-service"));
    }

    /** Every API service answers any request 200 with {@code {"served_by": "<its name>"}}; auth still serves the JWKS. */
    public static void eachServesItsName() {
        for (String name : new String[] {"auth-service", "command-service", "token-service", "billing-service"}) {
            of(name).stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"served_by\":\"" + name + "\"}")));
        }
        // the catch-all above was stubbed last, so it would answer the JWKS path too
        TestTokens.stubJwks(of("auth-service"));
    }

    /** command-service answers every request at once: 200 {@code {"answer": "ok"}}. */
    public static void commandServiceAnswersOk() {
        of("command-service").stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"answer\":\"ok\"}")));
    }

    /** The one API call the named stand-in received, asserting there was exactly one. */
    public static LoggedRequest onlyApiRequestTo(String service) {
        // the auth stand-in also serves the JWKS the gateway fetches; only API calls count here
        var requests = of(service).findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> !request.getUrl().startsWith("/.well-known/")).toList();
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    /** A local port nothing listens on, for "service is down" cases (connection refused). */
    public static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, WireMockServer> start() {
        Map<String, WireMockServer> servers = new LinkedHashMap<>();
        for (String name : new String[] {"auth-service", "command-service", "token-service", "billing-service",
                "ai-worker", "cdc-relay"}) {
            // enough threads to hold many slow answers at once (the concurrency tests need more than Jetty's default)
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                    .containerThreads(80));
            server.start();
            servers.put(name, server);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.values().forEach(WireMockServer::stop)));
        return servers;
    }
}
