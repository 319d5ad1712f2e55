package io.cloudya.token.account;

import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.outbox.ProcessedEvents;
import io.cloudya.token.events.InboundEvents;
import io.cloudya.token.events.RejectedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * UserRegistered → a Free account with the Free allowance. Every account starts on Free whatever the event
 * says: paid plans arrive from billing. Opening twice is a no-op (the account row and the sign-up grant are unique).
 */
@Component
public class OpenAccountHandler {

    private final ProcessedEvents processed;
    private final AccountOpener opener;
    private final Clock clock;
    private final MeterRegistry meters;

    public OpenAccountHandler(ProcessedEvents processed, AccountOpener opener, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.opener = opener;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public void handle(EventEnvelope<UserRegistered> envelope) {
        String userId = envelope.payload().userId();
        if (userId == null || userId.isBlank() || userId.length() > 128) {
            throw new RejectedEventException("bad_user_id", "UserRegistered needs a user id of 1..128 characters");
        }
        if (!processed.markFirstDelivery(InboundEvents.GROUP, envelope.id())) {
            meters.counter("tokens.events.duplicates", "type", envelope.type()).increment();
            return;
        }
        opener.lockOrOpen(userId, envelope.id(), clock.instant());
    }
}
