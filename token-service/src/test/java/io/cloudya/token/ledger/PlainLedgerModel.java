package io.cloudya.token.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules written the slow, obvious way: tokens move one at a time, buckets are plain counters. The property
 * tests check {@link BalanceMath} against it.
 */
final class PlainLedgerModel {

    long rolledOver;
    long allowance;
    long purchased;
    int period;
    final List<long[]> holds = new ArrayList<>(); // [rolled, allowance, purchased, period]

    void grant(long tokens) {
        allowance += tokens;
    }

    void buy(long tokens) {
        purchased += tokens;
    }

    boolean reserve(long amount) {
        if (amount > rolledOver + allowance + purchased) {
            return false;
        }
        long[] hold = {0, 0, 0, period};
        for (long i = 0; i < amount; i++) {
            if (rolledOver > 0) {
                rolledOver--;
                hold[0]++;
            } else if (allowance > 0) {
                allowance--;
                hold[1]++;
            } else {
                purchased--;
                hold[2]++;
            }
        }
        holds.add(hold);
        return true;
    }

    /** Spends {@code charge} from the hold in spending order; the rest goes back, or expires if the period moved on. */
    void resolve(int index, long charge) {
        long[] hold = holds.remove(index);
        for (long i = 0; i < charge; i++) {
            int bucket = hold[0] > 0 ? 0 : hold[1] > 0 ? 1 : 2;
            hold[bucket]--;
        }
        boolean samePeriod = hold[3] == period;
        if (samePeriod) {
            rolledOver += hold[0];
            allowance += hold[1];
        }
        purchased += hold[2];
    }

    void refill(long cap, long newAllowance) {
        long unused = rolledOver + allowance;
        rolledOver = Math.min(unused, cap);
        allowance = newAllowance;
        period++;
    }

    long heldTotal() {
        return holds.stream().mapToLong(h -> h[0] + h[1] + h[2]).sum();
    }
}
