package io.cloudya.token.reservation;

/** How a reservation ends: charged {@code wordsUsed} (completed), released (failed), or expired by the sweeper. */
public record Outcome(Kind kind, long wordsUsed, String reason) {

    public enum Kind { COMPLETED, FAILED, EXPIRED }

    public static Outcome completed(long wordsUsed) {
        return new Outcome(Kind.COMPLETED, wordsUsed, null);
    }

    public static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, 0, reason);
    }

    public static Outcome expired() {
        return new Outcome(Kind.EXPIRED, 0, "expired");
    }
}
