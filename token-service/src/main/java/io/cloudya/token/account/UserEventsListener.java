package io.cloudya.token.account;

import io.cloudya.contracts.Topics;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.token.events.InboundEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: UserRegistered opens the account. */
@Component
class UserEventsListener {

    private final InboundEvents inbound;
    private final OpenAccountHandler handler;

    UserEventsListener(InboundEvents inbound, OpenAccountHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    @KafkaListener(id = "token-users", topics = Topics.USER_EVENTS, groupId = InboundEvents.GROUP)
    void onUserEvent(String json) {
        inbound.dispatch(json, envelope -> {
            if (envelope.payload() instanceof UserRegistered registered) {
                handler.handle(InboundEvents.typed(envelope, registered));
            }
        });
    }
}
