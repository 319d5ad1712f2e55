package io.cloudya.relay.engine;

/**
 * One replication slot as {@code pg_replication_slots} shows it.
 *
 * @param walStatus         reserved, extended, unreserved or lost (null for a physical slot never used)
 * @param confirmedFlushLsn the last position the consumer confirmed: what was relayed before the slot was lost
 */
public record SlotState(String walStatus, String confirmedFlushLsn) {

    /**
     * Lost is final: PostgreSQL removed WAL the slot still needed, so it can never stream again. "unreserved" is
     * not: an active consumer may still catch up before the next checkpoint removes the segments.
     */
    public boolean isLost() {
        return "lost".equals(walStatus);
    }
}
