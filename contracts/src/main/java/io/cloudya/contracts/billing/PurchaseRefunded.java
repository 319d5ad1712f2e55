package io.cloudya.contracts.billing;

import io.cloudya.contracts.Event;

/** A top-up was refunded: its bought tokens are taken back as far as they are unspent. */
public record PurchaseRefunded(String userId, String purchaseId, long tokens, long amountCents) implements Event {
}
