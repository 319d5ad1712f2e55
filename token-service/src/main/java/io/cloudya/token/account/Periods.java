package io.cloudya.token.account;

import java.time.Instant;
import java.time.ZoneOffset;

/** Periods are calendar months in UTC from their start (sign-up for Free, the renewal for paid plans). */
public final class Periods {

    private Periods() {
    }

    public static Instant monthAfter(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    }
}
