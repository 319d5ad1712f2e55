package io.cloudya.aiworker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.Topics;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * The AI job lanes have their own container factory, which replaces the application's container customizer: the
 * lanes must still get static membership, besides their one record per poll and manual acknowledgements.
 * (The containers are not started: only their settings are read.)
 */
@SpringBootTest(properties = {"cloudya.kafka.group-instance-id=ai-worker-7", "spring.kafka.listener.auto-startup=false"})
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = {Topics.AI_JOB_REQUESTS, Topics.AI_JOB_REQUESTS_PRIORITY})
class AiJobListenerStaticMembershipIT {

    @Autowired KafkaListenerEndpointRegistry listeners;

    @Test
    void eachLaneJoinsAsAStaticMemberNamedAfterTheInstanceAndTheLane() {
        for (String lane : new String[] {"ai-jobs-standard", "ai-jobs-priority"}) {
            var container = listeners.getListenerContainer(lane);
            Properties consumer = container.getContainerProperties().getKafkaConsumerProperties();

            assertThat(consumer.getProperty("group.instance.id")).isEqualTo("ai-worker-7-" + lane);
            assertThat(consumer.getProperty("max.poll.records")).isEqualTo("1");
            assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.MANUAL);
        }
    }
}
