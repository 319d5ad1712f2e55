package io.cloudya.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code cloudya.limits}: the largest request body the gateway accepts, {@code max-request-body} (64KB) on every
 * path but Stripe's webhook, which gets {@code max-webhook-body} (1MB). Stripe cannot shrink an event (a big
 * invoice exceeds 64 KiB) and retries a refused one for days, so that one public path needs room; its payloads
 * stay well under 1 MiB, and billing-service accepts only what Stripe signed.
 */
@ConfigurationProperties("cloudya.limits")
public record LimitProperties(@DefaultValue("64KB") DataSize maxRequestBody,
                              @DefaultValue("1MB") DataSize maxWebhookBody) {

    static final String WEBHOOK_PATH = "/api/billing/webhook";

    /** Only the exact webhook path: billing-service serves nothing else under it. */
    int maxBytesFor(String path) {
        DataSize limit = WEBHOOK_PATH.equals(path) ? maxWebhookBody : maxRequestBody;
        return Math.toIntExact(limit.toBytes());
    }
}
