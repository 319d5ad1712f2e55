package io.cloudya.command;

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
}
