package io.cloudya.command.store;

/** Where one command stands: waiting, answered, refused by the ai-worker, or given up on by the deadline. */
public enum CommandStatus {
    PENDING, COMPLETED, FAILED, TIMED_OUT
}
