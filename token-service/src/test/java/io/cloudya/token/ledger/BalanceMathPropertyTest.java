package io.cloudya.token.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random sequences of grants, top-ups, reservations, settlements and refills: BalanceMath equals the plain model. */
class BalanceMathPropertyTest {

    sealed interface Op permits Grant, Buy, Reserve, Resolve, Refill {
    }

    record Grant(long tokens) implements Op {
    }

    record Buy(long tokens) implements Op {
    }

    record Reserve(long amount) implements Op {
    }

    record Resolve(int pick, long wordsUsed) implements Op {
    }

    record Refill(long monthly, int percent) implements Op {
    }

    @Property(tries = 400)
    void shouldMatchPlainModelAfterEveryOperation(@ForAll("operations") List<Op> ops) {
        var model = new PlainLedgerModel();
        Balance balance = Balance.EMPTY;
        List<Hold> holds = new ArrayList<>();
        List<Integer> holdPeriods = new ArrayList<>();
        int period = 0;
        for (Op op : ops) {
            switch (op) {
                case Grant g -> {
                    balance = BalanceMath.grantAllowance(balance, g.tokens());
                    model.grant(g.tokens());
                }
                case Buy b -> {
                    balance = BalanceMath.purchase(balance, b.tokens());
                    model.buy(b.tokens());
                }
                case Reserve r -> {
                    boolean modelHeld = model.reserve(r.amount());
                    assertThat(r.amount() <= balance.available()).isEqualTo(modelHeld);
                    if (modelHeld) {
                        Hold hold = BalanceMath.holdFor(balance, r.amount());
                        balance = BalanceMath.hold(balance, hold);
                        holds.add(hold);
                        holdPeriods.add(period);
                    }
                }
                case Resolve s -> {
                    if (holds.isEmpty()) {
                        continue;
                    }
                    int index = s.pick() % holds.size();
                    Hold hold = holds.remove(index);
                    long charge = Math.min(s.wordsUsed(), hold.total());
                    boolean samePeriod = holdPeriods.remove(index) == period;
                    Resolution res = BalanceMath.resolve(balance, hold, charge, samePeriod);
                    assertThat(res.charged() + res.released() + res.expired()).isEqualTo(hold.total());
                    balance = res.after();
                    model.resolve(index, charge);
                }
                case Refill f -> {
                    long cap = f.monthly() * f.percent() / 100;
                    var refill = BalanceMath.refill(balance, cap, f.monthly());
                    assertThat(refill.carried()).isLessThanOrEqualTo(cap);
                    assertThat(refill.afterGrant().purchased()).isEqualTo(balance.purchased());
                    balance = refill.afterGrant();
                    model.refill(cap, f.monthly());
                    period++;
                }
            }
            assertThat(balance.rolledOver()).as("rolled over").isEqualTo(model.rolledOver);
            assertThat(balance.allowance()).as("allowance").isEqualTo(model.allowance);
            assertThat(balance.purchased()).as("purchased").isEqualTo(model.purchased);
            assertThat(balance.reserved()).as("reserved").isEqualTo(model.heldTotal());
            assertThat(balance.available() + balance.reserved())
                    .isEqualTo(balance.creditsPosted() - balance.debitsPosted());
        }
    }

    @Property
    void shouldNeverCarryMoreThanTheCapNorTouchBoughtTokens(@ForAll("balances") Balance balance,
                                                           @ForAll("caps") long cap) {
        var refill = BalanceMath.refill(balance, cap, 1000);
        assertThat(refill.afterGrant().rolledOver()).isEqualTo(Math.min(balance.planTokens(), cap));
        assertThat(refill.expired()).isEqualTo(balance.planTokens() - refill.carried());
        assertThat(refill.afterGrant().purchased()).isEqualTo(balance.purchased());
        assertThat(refill.afterGrant().allowance()).isEqualTo(1000);
    }

    @Provide
    Arbitrary<Long> caps() {
        return Arbitraries.longs().between(0, 50_000);
    }

    @Provide
    Arbitrary<Balance> balances() {
        return Combinators.combine(Arbitraries.longs().between(0, 10_000), Arbitraries.longs().between(0, 60_000),
                        Arbitraries.longs().between(0, 10_000))
                .as((r, a, p) -> new Balance(r, a, p, 0, r + a + p, 0));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> grant = Arbitraries.longs().between(0, 5_000).map(Grant::new);
        Arbitrary<Op> buy = Arbitraries.longs().between(1, 5_000).map(Buy::new);
        Arbitrary<Op> reserve = Arbitraries.longs().between(1, 2_000).map(Reserve::new);
        Arbitrary<Op> resolve = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.longs().between(0, 2_500)).as(Resolve::new);
        Arbitrary<Op> refill = Combinators.combine(Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(0, 100)).as(Refill::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, grant), net.jqwik.api.Tuple.of(2, buy),
                        net.jqwik.api.Tuple.of(5, reserve), net.jqwik.api.Tuple.of(5, resolve),
                        net.jqwik.api.Tuple.of(1, refill))
                .list().ofMaxSize(80);
    }
}
