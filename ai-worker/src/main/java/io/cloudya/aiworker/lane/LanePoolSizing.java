package io.cloudya.aiworker.lane;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Sizes the connection pool from the lanes: every running job holds one connection for its whole transaction
 * (RunAiJobHandler explains why), so the pool needs both lanes' bounds plus {@link #HEADROOM} for the health
 * check and startup. A smaller configured pool is raised to that, since jobs waiting for a connection would fail
 * instead of queueing; to use fewer connections, lower the lanes' bounds. Runs after Boot has bound
 * {@code spring.datasource.hikari.*} and before the pool opens its first connection.
 */
@Component
class LanePoolSizing implements BeanPostProcessor, Ordered {

    static final int HEADROOM = 2;
    private static final Logger log = LoggerFactory.getLogger(LanePoolSizing.class);

    private final Environment environment;

    LanePoolSizing(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            // bound here rather than injected: a BeanPostProcessor's dependencies would miss post-processing
            LaneProperties lanes = Binder.get(environment).bindOrCreate("cloudya.ai.lanes", LaneProperties.class);
            int needed = lanes.totalInFlight() + HEADROOM;
            if (pool.getMaximumPoolSize() < needed) {
                log.info("connection pool raised from {} to {}: lanes run {} jobs at most, each holds a connection",
                        pool.getMaximumPoolSize(), needed, lanes.totalInFlight());
                pool.setMaximumPoolSize(needed);
            }
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
