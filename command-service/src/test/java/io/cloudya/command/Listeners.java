package io.cloudya.command;

import io.cloudya.command.events.FirstDeliveries;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** Waits until every listener owns its partitions (one per topic here): the answers group reads from "latest". */
public final class Listeners {

    private Listeners() {
    }

    public static void awaitAssigned(KafkaListenerEndpointRegistry registry) {
        registry.getListenerContainers().forEach(container -> ContainerTestUtils.waitForAssignment(container,
                container.getContainerProperties().getTopics().length));
    }

    /**
     * The listeners in groups of this instance alone (the answers group): with several instances the durable
     * group's partitions go to one of them only, see {@link SharedSagaGroup}.
     */
    public static void awaitOwnGroupsAssigned(KafkaListenerEndpointRegistry registry) {
        registry.getListenerContainers().stream()
                .filter(container -> !FirstDeliveries.GROUP.equals(container.getGroupId()))
                .forEach(container -> ContainerTestUtils.waitForAssignment(container,
                        container.getContainerProperties().getTopics().length));
    }
}
