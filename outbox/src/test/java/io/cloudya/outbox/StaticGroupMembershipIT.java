package io.cloudya.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * On a real broker with a 6 s session: what a restarted or a stopped instance's partitions wait for. A crashed
 * member stays in its group until its session expires; these tests check that the restart and the graceful stop
 * both hand the partitions on well before that.
 */
class StaticGroupMembershipIT {

    private static final String TOPIC = "membership";
    private static final Duration SESSION = Duration.ofSeconds(6);
    private static final Duration WELL_BEFORE_THE_SESSION = Duration.ofSeconds(3);
    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void aStaticMemberRestartedAfterACrashGetsItsPartitionsBackAtOnce() {
        crashedMember("restart", "pod-a-ledger-0");
        instance("pod-a").run(app ->
                assertTakesOverWellBeforeTheSession(ListenerContainers.start(app, "ledger", "restart")));
    }

    @Test
    void aStaticMemberStoppedGracefullyHandsItsPartitionsOverAtOnce() {
        instance("pod-a").run(oldPod -> instance("pod-b").run(newPod -> {
            MessageListenerContainer old = ListenerContainers.start(oldPod, "ledger", "rolling");
            ListenerContainers.timeToAssignment(old, SESSION.multipliedBy(2));
            old.stop();
            assertTakesOverWellBeforeTheSession(ListenerContainers.start(newPod, "ledger", "rolling"));
        }));
    }

    private static void assertTakesOverWellBeforeTheSession(MessageListenerContainer container) {
        assertThat(ListenerContainers.timeToAssignment(container, SESSION.multipliedBy(2)))
                .isLessThan(WELL_BEFORE_THE_SESSION);
        container.stop();
    }

    @Test
    void eachListenerOfAGroupGetsItsOwnInstanceId() {
        instance("pod-a").run(app -> {
            var factory = app.getBean(ConcurrentKafkaListenerContainerFactory.class);
            var payments = factory.createListenerContainer(new ListenerContainers.Endpoint("payments", "g", TOPIC));
            var users = factory.createListenerContainer(new ListenerContainers.Endpoint("users", "g", TOPIC));
            assertThat(List.of(payments, users)).extracting(c -> c.getContainerProperties()
                            .getKafkaConsumerProperties().getProperty("group.instance.id"))
                    .containsExactly("pod-a-payments", "pod-a-users");
        });
    }

    @Test
    void withoutAStableNameMembersStayDynamic() {
        context().run(app -> {
            var container = app.getBean(ConcurrentKafkaListenerContainerFactory.class)
                    .createListenerContainer(new ListenerContainers.Endpoint("ledger", "g", TOPIC));
            assertThat(container.getContainerProperties().getKafkaConsumerProperties())
                    .doesNotContainKey("group.instance.id");
        });
    }

    /** What a SIGKILL leaves at the coordinator: a static member that never said goodbye. */
    private static void crashedMember(String group, String instanceId) {
        Map<String, Object> props = Map.of("bootstrap.servers", broker.getBrokersAsString(), "group.id", group,
                "group.instance.id", instanceId, "session.timeout.ms", (int) SESSION.toMillis(),
                "heartbeat.interval.ms", 1000);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.REMAIN_IN_GROUP));
        }
    }

    private static ApplicationContextRunner instance(String name) {
        return context().withPropertyValues("cloudya.kafka.group-instance-id=" + name);
    }

    private static ApplicationContextRunner context() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
                .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.consumer.properties.session.timeout.ms=" + SESSION.toMillis(),
                        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                        "spring.kafka.consumer.key-deserializer=" + StringDeserializer.class.getName(),
                        "spring.kafka.consumer.value-deserializer=" + StringDeserializer.class.getName());
    }
}
