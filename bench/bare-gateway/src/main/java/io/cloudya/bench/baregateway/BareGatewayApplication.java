package io.cloudya.bench.baregateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with a single route and no filters: what the framework itself costs, so that the benchmark
 * can tell it apart from what our gateway adds (authentication, rate limiting, identity headers).
 */
@SpringBootApplication
public class BareGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareGatewayApplication.class, args);
    }
}
