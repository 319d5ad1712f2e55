package io.cloudya.token.ledger;

/**
 * The ledger's arithmetic, pure: spending order is rolled-over tokens, then this period's allowance, then bought
 * tokens. Every operation returns a new {@link Balance}, whose constructor refuses negative or unbalanced results.
 */
public final class BalanceMath {

    private BalanceMath() {
    }

    public static Balance grantAllowance(Balance b, long tokens) {
        requireNonNegative(tokens);
        return new Balance(b.rolledOver(), b.allowance() + tokens, b.purchased(), b.reserved(),
                b.creditsPosted() + tokens, b.debitsPosted());
    }

    public static Balance purchase(Balance b, long tokens) {
        requireNonNegative(tokens);
        return new Balance(b.rolledOver(), b.allowance(), b.purchased() + tokens, b.reserved(),
                b.creditsPosted() + tokens, b.debitsPosted());
    }

    /** Takes back up to {@code tokens} unspent bought tokens; returns the new balance (the taken amount is the delta). */
    public static Balance refund(Balance b, long tokens) {
        requireNonNegative(tokens);
        long taken = Math.min(tokens, b.purchased());
        return new Balance(b.rolledOver(), b.allowance(), b.purchased() - taken, b.reserved(),
                b.creditsPosted(), b.debitsPosted() + taken);
    }

    /** Moves {@code amount} from the buckets into {@code reserved}, in spending order. */
    public static Hold holdFor(Balance b, long amount) {
        requireNonNegative(amount);
        if (amount > b.available()) {
            throw new IllegalStateException("cannot hold " + amount + " of " + b.available() + " available");
        }
        long fromRolled = Math.min(amount, b.rolledOver());
        long fromAllowance = Math.min(amount - fromRolled, b.allowance());
        return new Hold(fromRolled, fromAllowance, amount - fromRolled - fromAllowance);
    }

    public static Balance hold(Balance b, Hold hold) {
        return new Balance(b.rolledOver() - hold.rolledOver(), b.allowance() - hold.allowance(),
                b.purchased() - hold.purchased(), b.reserved() + hold.total(), b.creditsPosted(), b.debitsPosted());
    }

    /**
     * Resolves a hold: {@code charge} (≤ hold) is spent in spending order, the rest goes back to the bucket it came
     * from. Plan tokens held across a refill ({@code samePeriod == false}) belong to a finished period and expire.
     */
    public static Resolution resolve(Balance b, Hold hold, long charge, boolean samePeriod) {
        if (charge < 0 || charge > hold.total()) {
            throw new IllegalArgumentException("charge " + charge + " outside 0.." + hold.total());
        }
        long chargeRolled = Math.min(charge, hold.rolledOver());
        long chargeAllowance = Math.min(charge - chargeRolled, hold.allowance());
        long backRolled = hold.rolledOver() - chargeRolled;
        long backAllowance = hold.allowance() - chargeAllowance;
        long backPurchased = hold.purchased() - (charge - chargeRolled - chargeAllowance);
        long expired = samePeriod ? 0 : backRolled + backAllowance;
        Balance after = samePeriod
                ? new Balance(b.rolledOver() + backRolled, b.allowance() + backAllowance, b.purchased() + backPurchased,
                        b.reserved() - hold.total(), b.creditsPosted(), b.debitsPosted() + charge)
                : new Balance(b.rolledOver(), b.allowance(), b.purchased() + backPurchased,
                        b.reserved() - hold.total(), b.creditsPosted(), b.debitsPosted() + charge + expired);
        return new Resolution(after, charge, hold.total() - charge - expired, expired);
    }

    /**
     * A new period: unspent plan tokens carry over up to {@code rolloverCap}, the rest expires (oldest first:
     * rolled-over tokens, then the allowance); then {@code newAllowance} is granted. Bought tokens are untouched.
     */
    public static Refill refill(Balance b, long rolloverCap, long newAllowance) {
        requireNonNegative(rolloverCap);
        long carried = Math.min(b.planTokens(), rolloverCap);
        long expired = b.planTokens() - carried;
        long expiredRolled = Math.min(expired, b.rolledOver());
        long expiredAllowance = expired - expiredRolled;
        Balance afterExpiry = new Balance(b.rolledOver() - expiredRolled, b.allowance() - expiredAllowance,
                b.purchased(), b.reserved(), b.creditsPosted(), b.debitsPosted() + expired);
        Balance afterRollover = new Balance(carried, 0, b.purchased(), b.reserved(),
                afterExpiry.creditsPosted(), afterExpiry.debitsPosted());
        Balance afterGrant = grantAllowance(afterRollover, newAllowance);
        return new Refill(afterExpiry, afterRollover, afterGrant, carried, expired, newAllowance);
    }

    private static void requireNonNegative(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token amounts are never negative: " + tokens);
        }
    }
}
