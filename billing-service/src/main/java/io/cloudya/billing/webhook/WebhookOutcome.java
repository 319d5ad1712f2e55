package io.cloudya.billing.webhook;

import java.util.Locale;

/** What happened to one delivery; acknowledged with 200 in every case. */
public enum WebhookOutcome {
    PROCESSED, DUPLICATE, IGNORED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
