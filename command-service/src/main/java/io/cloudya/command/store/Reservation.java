package io.cloudya.command.store;

import java.util.UUID;

/**
 * The ledger's hold for one command: {@code amount} tokens set aside, {@code availableAfter} the spendable balance
 * while they are held. Settling charges at most {@code amount} and releases the rest, hence the arithmetic here.
 */
public record Reservation(UUID id, long amount, long availableAfter) {

    /** What the ledger charges for {@code wordsUsed} generated words: never more than was reserved. */
    public long charge(long wordsUsed) {
        return Math.min(Math.max(wordsUsed, 0), amount);
    }

    /** The balance once this reservation is settled with {@code charged}: the unused part comes back. */
    public long remainingAfter(long charged) {
        return availableAfter + amount - charged;
    }
}
