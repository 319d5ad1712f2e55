package io.cloudya.token.grant;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.account.AccountOpener;
import io.cloudya.token.config.TokenProperties;
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
 * TokensPurchased → bought tokens (they never expire). Idempotent by event id and by purchase id: the same
 * purchase under a new event id changes nothing; the same purchase id for another user is rejected.
 * A purchase for a user not seen yet opens the account (the UserRegistered may still be on its way).
 */
@Component
public class PurchaseTokensHandler {

    private final ProcessedEvents processed;
    private final AccountOpener opener;
    private final LedgerEntries entries;
    private final Ledger ledger;
    private final TokenProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public PurchaseTokensHandler(ProcessedEvents processed, AccountOpener opener, LedgerEntries entries,
                                 Ledger ledger, TokenProperties properties, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.opener = opener;
        this.entries = entries;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void handle(EventEnvelope<TokensPurchased> envelope) {
        TokensPurchased purchase = envelope.payload();
        validate(purchase);
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return;
        }
        Instant now = clock.instant();
        var account = opener.lockOrOpen(purchase.userId(), envelope.id(), now);
        var earlier = entries.findByRef(EntryCode.PURCHASE, purchase.purchaseId());
        if (earlier.isPresent()) {
            if (!earlier.get().userId().equals(purchase.userId()) || earlier.get().amount() != purchase.tokens()) {
                throw new RejectedEventException("purchase_conflict", "purchase " + purchase.purchaseId()
                        + " was already credited with different fields");
            }
            meters.counter("tokens.events.duplicates", "type", "TokensPurchased.purchaseId").increment();
            return;
        }
        var after = BalanceMath.purchase(account.balance(), purchase.tokens());
        ledger.post(new Ledger.Posting(purchase.userId(), EntryCode.PURCHASE, purchase.tokens(), account.balance(),
                after, purchase.purchaseId(), envelope.id(), now));
        meters.counter("tokens.purchased").increment(purchase.tokens());
    }

    private void validate(TokensPurchased p) {
        if (p.userId() == null || p.userId().isBlank() || p.purchaseId() == null || p.purchaseId().isBlank()) {
            throw new RejectedEventException("missing_identity", "TokensPurchased needs userId and purchaseId");
        }
        if (p.tokens() <= 0 || p.tokens() > properties.maxPurchaseTokens() || p.amountCents() < 0) {
            throw new RejectedEventException("bad_amount", "tokens " + p.tokens() + " outside 1.."
                    + properties.maxPurchaseTokens() + " or negative price " + p.amountCents());
        }
    }
}
