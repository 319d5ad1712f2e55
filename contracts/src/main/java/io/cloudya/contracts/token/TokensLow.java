package io.cloudya.contracts.token;

import io.cloudya.contracts.Event;

/** The user's spendable balance fell under 10% of the monthly allowance. */
public record TokensLow(String userId, String plan, long available, long monthlyAllowance) implements Event {
}
