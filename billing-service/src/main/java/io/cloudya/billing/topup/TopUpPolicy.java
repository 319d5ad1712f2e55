package io.cloudya.billing.topup;

import io.cloudya.billing.api.ApiException;
import io.cloudya.billing.config.BillingProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Top-ups are sold in packs of 1,000 tokens at 1 € (100 cents) each, between the configured bounds
 * (default 1,000..1,000,000). Anything else is refused, never rounded: the user pays exactly for what they asked.
 */
@Component
public class TopUpPolicy {

    public static final long TOKENS_PER_PACK = 1_000;
    public static final long CENTS_PER_PACK = 100;

    private final BillingProperties properties;

    public TopUpPolicy(BillingProperties properties) {
        this.properties = properties;
    }

    /** The number of 1,000-token packs for {@code tokens}, or 400 invalid_token_amount. */
    public long packsFor(Long tokens) {
        long min = properties.topUpMinTokens();
        long max = properties.topUpMaxTokens();
        if (tokens == null || tokens < min || tokens > max || tokens % TOKENS_PER_PACK != 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_token_amount", String.format(
                    "tokens must be a multiple of %,d between %,d and %,d.", TOKENS_PER_PACK, min, max));
        }
        return tokens / TOKENS_PER_PACK;
    }

    /** Tokens a partial refund takes back: the refunded share of the purchase, rounded down in the user's favour. */
    public static long refundedTokens(long tokens, long amountCents, long refundedCents) {
        if (refundedCents >= amountCents) {
            return tokens;
        }
        return Math.multiplyExact(tokens, refundedCents) / amountCents;
    }
}
