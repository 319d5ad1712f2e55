package io.cloudya.command.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timer that ends parked requests at their deadline. No thread waits per request: one timer thread fires
 * deadlines (a DB update and a 504 each), so one is plenty for the request rates of one instance.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfig {

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService answerDeadlines() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("answer-deadline").daemon()
                .factory());
    }
}
