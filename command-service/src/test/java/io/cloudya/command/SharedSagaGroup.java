package io.cloudya.command;

import static org.awaitility.Awaitility.await;

import io.cloudya.command.events.FirstDeliveries;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The durable group ({@value FirstDeliveries#GROUP}) that several instances share. Waiting for a rebalance to
 * settle takes both views: the broker's (group stable, every instance's consumers in it, each partition given to
 * one member) and the instances' (each partition reached exactly one listener container), because a container
 * sees its assignment only on its next poll after the broker settled.
 */
final class SharedSagaGroup {

    private static final Duration REBALANCE = Duration.ofSeconds(30);

    private SharedSagaGroup() {
    }

    /** Until the group has settled with the durable listeners of all {@code instances}, each partition on one. */
    static void awaitSettled(EmbeddedKafkaBroker broker, KafkaListenerEndpointRegistry... instances) {
        List<MessageListenerContainer> durable = Arrays.stream(instances)
                .flatMap(registry -> registry.getListenerContainers().stream())
                .filter(container -> FirstDeliveries.GROUP.equals(container.getGroupId())).toList();
        List<TopicPartition> partitions = durable.stream()
                .flatMap(container -> Arrays.stream(container.getContainerProperties().getTopics()))
                .distinct().map(topic -> new TopicPartition(topic, 0)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            await().atMost(REBALANCE).pollInterval(Duration.ofMillis(100)).until(() ->
                    brokerSettled(describe(admin), durable.size(), partitions)
                            && listenersSettled(instances, partitions));
        }
    }

    /** The durable group's partitions that this instance's listeners own now. */
    static List<TopicPartition> ownedBy(KafkaListenerEndpointRegistry instance) {
        return instance.getListenerContainers().stream()
                .filter(container -> FirstDeliveries.GROUP.equals(container.getGroupId()))
                .map(MessageListenerContainer::getAssignedPartitions).filter(Objects::nonNull)
                .flatMap(Collection::stream).toList();
    }

    private static ConsumerGroupDescription describe(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(FirstDeliveries.GROUP)).all().get().get(FirstDeliveries.GROUP);
    }

    private static boolean brokerSettled(ConsumerGroupDescription group, int members,
                                         List<TopicPartition> partitions) {
        List<TopicPartition> assigned = group.members().stream()
                .flatMap(member -> member.assignment().topicPartitions().stream()).toList();
        return group.groupState() == GroupState.STABLE && group.members().size() == members
                && assigned.size() == partitions.size() && assigned.containsAll(partitions);
    }

    private static boolean listenersSettled(KafkaListenerEndpointRegistry[] instances,
                                            List<TopicPartition> partitions) {
        List<TopicPartition> assigned = Arrays.stream(instances).flatMap(i -> ownedBy(i).stream()).toList();
        return assigned.size() == partitions.size() && assigned.containsAll(partitions);
    }
}
