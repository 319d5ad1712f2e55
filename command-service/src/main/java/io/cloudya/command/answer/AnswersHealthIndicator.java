package io.cloudya.command.answer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * UP once the broadcast listener owns its partitions. Before that an answer would pass by unseen
 * ("latest"), so a load balancer should not send this instance requests yet.
 */
@Component("answers")
class AnswersHealthIndicator implements HealthIndicator {

    private final KafkaListenerEndpointRegistry registry;

    AnswersHealthIndicator(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        MessageListenerContainer container = registry.getListenerContainer(AnswerBroadcastListener.LISTENER_ID);
        var assigned = container == null ? null : container.getAssignedPartitions();
        if (assigned == null || assigned.isEmpty()) {
            return Health.down().withDetail("reason", "answer listener has no partitions yet").build();
        }
        return Health.up().withDetail("partitions", assigned.size()).build();
    }
}
