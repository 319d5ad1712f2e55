package io.cloudya.token.ledger;

/**
 * An account's buckets and counters. The three spendable buckets hold only tokens not held by a reservation;
 * {@code reserved} is the TigerBeetle "debits pending". The identity
 * {@code available = creditsPosted - debitsPosted - reserved} holds for every value this record can take.
 */
public record Balance(long rolledOver, long allowance, long purchased, long reserved,
                      long creditsPosted, long debitsPosted) {

    public static final Balance EMPTY = new Balance(0, 0, 0, 0, 0, 0);

    public Balance {
        if (rolledOver < 0 || allowance < 0 || purchased < 0 || reserved < 0 || creditsPosted < 0 || debitsPosted < 0) {
            throw new IllegalStateException("a bucket or counter would go negative: " + describe(
                    rolledOver, allowance, purchased, reserved, creditsPosted, debitsPosted));
        }
        if (rolledOver + allowance + purchased != creditsPosted - debitsPosted - reserved) {
            throw new IllegalStateException("buckets do not add up to the counters: " + describe(
                    rolledOver, allowance, purchased, reserved, creditsPosted, debitsPosted));
        }
    }

    /** Spendable now: every bucket, minus nothing, because held tokens have already left the buckets. */
    public long available() {
        return rolledOver + allowance + purchased;
    }

    /** Plan tokens (the ones a refill may expire), as opposed to bought ones. */
    public long planTokens() {
        return rolledOver + allowance;
    }

    private static String describe(long r, long a, long p, long res, long c, long d) {
        return "rolled_over=" + r + " allowance=" + a + " purchased=" + p + " reserved=" + res
                + " credits=" + c + " debits=" + d;
    }
}
