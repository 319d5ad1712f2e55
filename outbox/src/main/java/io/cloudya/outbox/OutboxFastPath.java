package io.cloudya.outbox;

/**
 * Publishes a committed outbox message at once, ahead of the CDC relay. Best effort by design:
 * a lost fast-path send only costs latency, because the relay publishes the same event id later.
 */
@FunctionalInterface
public interface OutboxFastPath {

    OutboxFastPath DISABLED = message -> { };

    void publish(OutboxMessage message);
}
