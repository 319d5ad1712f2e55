package io.cloudya.relay.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the relay does about a replication slot PostgreSQL invalidated (prefix {@code cloudya.relay}).
 *
 * @param recreateLostSlot drop the lost slot and its engine's offsets and start afresh (true), or wait, DOWN, for an
 *                         operator (false). Off only where the gap must be looked at before anything moves on.
 */
@ConfigurationProperties("cloudya.relay")
public record SlotRecoveryProperties(@DefaultValue("true") boolean recreateLostSlot) {
}
