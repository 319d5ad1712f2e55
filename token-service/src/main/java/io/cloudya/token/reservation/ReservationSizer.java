package io.cloudya.token.reservation;

/**
 * How much to hold for one command. Wanted = min(the plan's words-per-answer cap, the request's maxWords). If the
 * balance covers it, hold it; if not but at least {@code minReservation} is available, hold what is available and
 * the answer is capped to it (a paying user with 250 tokens left still gets an answer); below that, reject.
 */
public final class ReservationSizer {

    private ReservationSizer() {
    }

    /** The amount to hold, or 0 to reject. */
    public static long size(long planCap, long maxWords, long available, long minReservation) {
        long wanted = Math.min(planCap, maxWords);
        if (available >= wanted) {
            return wanted;
        }
        return available >= minReservation ? available : 0;
    }
}
