package io.cloudya.token.config;

import io.cloudya.token.plans.PlanCatalog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the typed configuration records. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TokenProperties.class, PlanCatalog.class})
class PropertiesConfig {
}
