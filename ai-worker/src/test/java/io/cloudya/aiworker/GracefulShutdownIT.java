package io.cloudya.aiworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Shutting an instance down lets its running job finish and commits the job's offset before the consumers close,
 * so the next instance has nothing to redo.
 */
class GracefulShutdownIT extends HeldProviderITSupport {

    @Autowired KafkaListenerEndpointRegistry containers;

    @Test
    void shouldFinishARunningJobAndCommitItsOffsetBeforeTheConsumersClose() throws Exception {
        // this context's consumers step aside, so the instance shut down below owns the lanes' partitions
        containers.getListenerContainers().forEach(MessageListenerContainer::stop);
        try (ConfigurableApplicationContext instance = startInstance()) {
            var standard = instance.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("ai-jobs-standard");
            String user = "it-shutdown-" + UUID.randomUUID();
            var running = held(user);
            long offset = publish(Topics.AI_JOB_REQUESTS, running);
            await().atMost(WAIT).until(() -> PROVIDER.requestsMentioning(heldFor(user)) == 1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(instance::close);
            // no new records are taken, and the shutdown waits for the job the model is still answering
            await().atMost(WAIT).until(standard::isContainerPaused);
            assertThat(closing).isNotDone();

            PROVIDER.release();
            closing.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(awaitCompleted(running).provider()).isEqualTo("openai");
            assertThat(committedOffset()).isEqualTo(offset + 1);
        } finally {
            containers.getListenerContainers().forEach(MessageListenerContainer::start);
        }
    }

    /** A second ai-worker on the same broker, database and provider, with a drain long enough for the test. */
    private ConfigurableApplicationContext startInstance() {
        // the embedded brokers of other test contexts leave system properties behind: name this one explicitly
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--spring.embedded.kafka.brokers=" + broker.getBrokersAsString(),
                "--cloudya.ai.lanes.standard.max-in-flight=" + STANDARD_SLOTS,
                "--cloudya.ai.lanes.drain-timeout=" + WAIT.toSeconds() + "s"));
        heldProviderProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(AiWorkerApplication.class).profiles("it").run(args.toArray(String[]::new));
    }
}
