package io.cloudya.relay.engine;

import java.time.Duration;

/** Doubling delays between start attempts, capped; reset once an engine runs. Synchronized: engine callbacks use it from other threads. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    synchronized Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    synchronized void reset() {
        next = initial;
    }
}
