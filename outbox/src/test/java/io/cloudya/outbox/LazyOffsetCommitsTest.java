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

class AsyncOffsetCommitsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));

    @Test
    void listenerContainersCommitOffsetsWithoutBlockingThePollLoop() {
        context.run(app -> assertThat(containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class))
                .getContainerProperties().isSyncCommits()).isFalse());
    }

    @Test
    void aServiceWithItsOwnContainerCustomizerKeepsIt() {
        context.withBean("ownCustomizer", ContainerCustomizer.class,
                        () -> (ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>)
                                container -> container.getContainerProperties().setGroupId("own"))
                .run(app -> {
                    assertThat(app).doesNotHaveBean(AsyncOffsetCommits.class);
                    assertThat(containerOf(app.getBean(ConcurrentKafkaListenerContainerFactory.class))
                            .getContainerProperties().isSyncCommits()).isTrue();
                });
    }

    @SuppressWarnings("unchecked")
    private static ConcurrentMessageListenerContainer<Object, Object> containerOf(
            ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
        return (ConcurrentMessageListenerContainer<Object, Object>) factory.createContainer("any-topic");
    }
}
