package io.cloudya.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Gives each listener container a stable {@code group.instance.id} (Kafka's static membership) when the process has
 * a stable name ({@code cloudya.kafka.group-instance-id}: the pod's name in the chart, the part's name locally).
 * A process killed with SIGKILL never leaves its groups, so a dynamic member's partitions wait for its session to
 * expire (10 s) before anyone reads them; a static member restarted under the same name takes them back as soon as
 * it joins. The id is the name plus the listener's id, because several listeners of one group live in one JVM
 * (Spring then appends each consumer's index: {@code pod-a-token-users-0}). A graceful stop still leaves the
 * group at once ({@link LeaveGroupOnClose}), so a rolling update's new pod, which has a new name, does not wait.
 */
public final class StaticGroupMembership {

    private final String instanceName;

    public StaticGroupMembership(String instanceName) {
        this.instanceName = instanceName == null ? "" : instanceName.strip();
    }

    public boolean enabled() {
        return !instanceName.isEmpty();
    }

    public void configure(ConcurrentMessageListenerContainer<?, ?> container) {
        if (enabled()) {
            container.getContainerProperties().getKafkaConsumerProperties().setProperty(
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceName + "-" + container.getListenerId());
        }
    }
}
