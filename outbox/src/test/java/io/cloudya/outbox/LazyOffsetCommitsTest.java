package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

class LazyOffsetCommitsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));

    @Test
    void listenersCommitOncePerSecondWithoutBlockingThePollLoop() {
        context.run(app -> {
            ContainerProperties container = containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class));
            assertThat(container.isSyncCommits()).isFalse();
            assertThat(container.getAckMode()).isEqualTo(AckMode.TIME);
            assertThat(container.getAckTime()).isEqualTo(1000);
        });
    }

    @Test
    void aZeroIntervalCommitsAfterEveryPoll() {
        context.withPropertyValues("cloudya.outbox.commit-interval=0").run(app -> {
            ContainerProperties container = containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class));
            assertThat(container.isSyncCommits()).isFalse();
            assertThat(container.getAckMode()).isEqualTo(AckMode.BATCH);
        });
    }

    @Test
    void aContainerWithItsOwnAckModeKeepsIt() {
        context.withPropertyValues("spring.kafka.listener.ack-mode=manual").run(app -> assertThat(
                containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class)).getAckMode())
                .isEqualTo(AckMode.MANUAL));
    }

    @Test
    void aServiceWithItsOwnContainerCustomizerKeepsIt() {
        context.withBean("ownCustomizer", ContainerCustomizer.class,
                        () -> (ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>)
                                container -> container.getContainerProperties().setGroupId("own"))
                .run(app -> {
                    assertThat(app).doesNotHaveBean("listenerContainerDefaults");
                    assertThat(containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class))
                            .isSyncCommits()).isTrue();
                });
    }

    private static ContainerProperties containerOf(ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
        return factory.createContainer("any-topic").getContainerProperties();
    }
}
