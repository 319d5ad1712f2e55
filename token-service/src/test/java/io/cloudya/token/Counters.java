package io.cloudya.token;

import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's counters the way the tests await them: 0 for one not registered yet. */
public record Counters(MeterRegistry meters) {

    public double count(String name) {
        var counter = meters.find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    public double count(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Events turned away with {@code code}: logged and counted, never retried. */
    public double rejected(String code) {
        return count("tokens.events.rejected", "code", code);
    }
}
