package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;
import java.time.Instant;

/** A new allowance period began: {@code granted} new tokens, {@code rolledOver} carried, {@code expired} lost. */
public record TokenPeriodRenewed(
        String userId, String plan, long granted, long rolledOver, long expired, Instant periodStart,
        Instant periodEnd) implements Event {
}
