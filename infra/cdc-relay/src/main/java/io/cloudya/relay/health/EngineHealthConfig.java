package io.cloudya.relay.health;

import io.cloudya.relay.engine.OutboxEngines;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One health entry per engine, grouped under "outbox" and named by database. */
@Configuration(proxyBeanMethods = false)
public class EngineHealthConfig {

    @Bean
    public CompositeHealthContributor outbox(OutboxEngines engines) {
        return CompositeHealthContributor.fromMap(engines.byDatabase(),
                engine -> new EngineHealthIndicator(engine, engines.slotRecovery(engine.database())));
    }
}
