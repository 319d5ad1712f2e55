package io.cloudya.billing.topup;

/** One paid top-up; {@code id} is the Checkout Session id, also the purchase id on the events. */
record TopUp(String id, String userId, long tokens, long amountCents, long refundedCents, long refundedTokens) {
}
