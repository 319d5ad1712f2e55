package io.cloudya.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.kafka.group-instance-id} (default empty: dynamic membership): a name that this process keeps across
 * restarts and that no other running instance of the service shares, such as the pod's name. When set, listeners
 * join their groups as static members ({@link StaticGroupMembership}). Left empty where one JVM may hold several
 * application contexts of the same service (the services' own integration tests).
 */
@ConfigurationProperties("cloudya.kafka")
public record ConsumerGroupProperties(@DefaultValue("") String groupInstanceId) {
}
