package io.cloudya.command.store;

/**
 * Where one command stands. PENDING waits for its answer (the ledger holds the tokens and hands the job to the
 * ai-worker without telling this service); REJECTED (not enough tokens), COMPLETED, FAILED and TIMED_OUT are final.
 * RESERVED is only found on rows from before that (when the reservation came back here first); it is treated like
 * PENDING.
 */
public enum CommandStatus {
    PENDING, RESERVED, REJECTED, COMPLETED, FAILED, TIMED_OUT
}
