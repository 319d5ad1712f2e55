package io.cloudya.billing.config;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Typed properties, one clock (tests reason about time without sleeping) and the dunning schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({StripeProperties.class, BillingProperties.class})
class BillingConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
