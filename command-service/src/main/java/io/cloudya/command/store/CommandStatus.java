package io.cloudya.command.store;

/**
 * Where one command stands. PENDING waits for the ledger, RESERVED waits for the ai-worker; REJECTED (not enough
 * tokens), COMPLETED, FAILED and TIMED_OUT are final.
 */
public enum CommandStatus {
    PENDING, RESERVED, REJECTED, COMPLETED, FAILED, TIMED_OUT
}
