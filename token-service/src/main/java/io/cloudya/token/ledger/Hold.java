package io.cloudya.token.ledger;

/** How many of a reservation's tokens came from each bucket; settlement spends them in the same order. */
public record Hold(long rolledOver, long allowance, long purchased) {

    public static final Hold NONE = new Hold(0, 0, 0);

    public Hold {
        if (rolledOver < 0 || allowance < 0 || purchased < 0) {
            throw new IllegalArgumentException("a hold part cannot be negative");
        }
    }

    public long total() {
        return rolledOver + allowance + purchased;
    }
}
