package io.cloudya.token.grant;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.account.AccountRepository;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.cloudya.token.ledger.BalanceMath;
import io.cloudya.token.ledger.EntryCode;
import io.cloudya.token.ledger.Ledger;
import io.cloudya.token.ledger.LedgerEntries;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * PurchaseRefunded → takes the purchase's bought tokens back, as far as they are unspent (spent or held tokens
 * stay spent: the balance never goes negative). One refund per purchase id.
 */
@Component
public class RefundPurchaseHandler {

    private final ProcessedEvents processed;
    private final AccountRepository accounts;
    private final LedgerEntries entries;
    private final Ledger ledger;
    private final Clock clock;
    private final MeterRegistry meters;

    public RefundPurchaseHandler(ProcessedEvents processed, AccountRepository accounts, LedgerEntries entries,
                                 Ledger ledger, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.accounts = accounts;
        this.entries = entries;
        this.ledger = ledger;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void handle(EventEnvelope<PurchaseRefunded> envelope) {
        PurchaseRefunded refund = envelope.payload();
        if (refund.purchaseId() == null || refund.userId() == null || refund.tokens() <= 0) {
            throw new RejectedEventException("bad_refund", "PurchaseRefunded needs userId, purchaseId, tokens > 0");
        }
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return;
        }
        var account = accounts.lock(refund.userId()).orElseThrow(() -> new RejectedEventException(
                "account_not_found", "no token account for " + refund.userId()));
        var purchase = entries.findByRef(EntryCode.PURCHASE, refund.purchaseId())
                .filter(p -> p.userId().equals(refund.userId()))
                .orElseThrow(() -> new RejectedEventException("unknown_purchase",
                        "no purchase " + refund.purchaseId() + " for " + refund.userId()));
        if (entries.findByRef(EntryCode.REFUND, refund.purchaseId()).isPresent()) {
            meters.counter("tokens.events.duplicates", "type", "PurchaseRefunded.purchaseId").increment();
            return;
        }
        Instant now = clock.instant();
        long wanted = Math.min(refund.tokens(), purchase.amount());
        var after = BalanceMath.refund(account.balance(), wanted);
        long taken = account.balance().purchased() - after.purchased();
        ledger.post(new Ledger.Posting(refund.userId(), EntryCode.REFUND, taken, account.balance(), after,
                refund.purchaseId(), envelope.id(), now));
    }
}
