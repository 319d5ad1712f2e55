package io.cloudya.contracts.token;

import java.util.UUID;

/**
 * The ledger's hold for one command as token-service took it: {@code amount} tokens set aside, {@code availableAfter}
 * the spendable balance while they are held. It travels with the AI job and comes back with its answer, so that
 * command-service can answer with the command's token numbers without waiting for the settlement (docs/events.md,
 * "The answer's token numbers").
 */
public record HeldTokens(UUID reservationId, long amount, long availableAfter) {

    /** What the ledger charges for {@code wordsUsed} generated words: never more than was held. */
    public long charge(long wordsUsed) {
        return Math.min(Math.max(wordsUsed, 0), amount);
    }

    /** The balance once this hold is settled with {@code charged}: the unused part comes back. */
    public long remainingAfter(long charged) {
        return availableAfter + amount - charged;
    }
}
