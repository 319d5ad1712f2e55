package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;

/** A one-off top-up was paid: {@code tokens} bought tokens (they never expire); {@code purchaseId} is unique. */
public record TokensPurchased(String userId, String purchaseId, long tokens, long amountCents, String currency)
        implements Event {
}
