package io.cloudya.relay.engine;

import java.time.Instant;

/**
 * A lost replication slot the relay dropped and let Debezium create again.
 *
 * @param slot         the slot's name
 * @param lostAfterLsn the last position relayed through the lost slot (null if it never confirmed one): events
 *                     committed after it and before {@code at} reached Kafka only through the fast path
 * @param at           when the slot was dropped
 */
public record SlotRecreation(String slot, String lostAfterLsn, Instant at) {
}
