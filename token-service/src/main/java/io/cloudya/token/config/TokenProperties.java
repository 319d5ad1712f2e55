package io.cloudya.token.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.token.*}: the ledger's knobs. {@code reservationTtl} must outlive the command deadline (30 s)
 * so that a normal settlement never races the sweeper; {@code minReservation} is the smallest useful answer.
 */
@ConfigurationProperties("cloudya.token")
public record TokenProperties(
        @DefaultValue("50") long minReservation,
        @DefaultValue("90s") Duration reservationTtl,
        @DefaultValue("20") int rolloverPercent,
        @DefaultValue("10") int lowBalancePercent,
        @DefaultValue("10000000") long maxPurchaseTokens,
        @DefaultValue("100000") int maxWordsPerRequest,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("200") int sweepBatch,
        @DefaultValue("60s") Duration refillInterval) {

    public TokenProperties {
        if (minReservation < 1 || rolloverPercent < 0 || rolloverPercent > 100 || lowBalancePercent < 0) {
            throw new IllegalArgumentException("cloudya.token: min-reservation >= 1, percents within 0..100");
        }
        if (reservationTtl.isNegative() || reservationTtl.isZero()) {
            throw new IllegalArgumentException("cloudya.token.reservation-ttl must be positive");
        }
    }

    public long rolloverCap(long monthlyAllowance) {
        return monthlyAllowance * rolloverPercent / 100;
    }

    public long lowBalanceThreshold(long monthlyAllowance) {
        return monthlyAllowance * lowBalancePercent / 100;
    }
}
