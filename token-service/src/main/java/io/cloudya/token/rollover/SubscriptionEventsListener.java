package io.cloudya.token.rollover;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.token.events.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: billing's subscription lifecycle. */
@Component
class SubscriptionEventsListener {

    private final InboundEvents inbound;
    private final SubscriptionPeriodHandler periods;
    private final PlanChangeHandler changes;

    SubscriptionEventsListener(InboundEvents inbound, SubscriptionPeriodHandler periods, PlanChangeHandler changes) {
        this.inbound = inbound;
        this.periods = periods;
        this.changes = changes;
    }

    @KafkaListener(id = "token-subscriptions", topics = Topics.SUBSCRIPTION_EVENTS, groupId = InboundEvents.GROUP)
    void onSubscriptionEvent(String json) {
        inbound.dispatch(json, envelope -> {
            switch (envelope.payload()) {
                case SubscriptionStarted s -> periods.started(InboundEvents.typed(envelope, s));
                case SubscriptionRenewed r -> periods.renewed(InboundEvents.typed(envelope, r));
                case SubscriptionChanged c -> changes.changed(InboundEvents.typed(envelope, c));
                case SubscriptionCanceled c -> changes.canceled(InboundEvents.typed(envelope, c));
                default -> { }
            }
        });
    }
}
