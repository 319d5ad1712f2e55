package io.cloudya.auth.plan;

import io.cloudya.contracts.EventJson;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.UnknownEventTypeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Transport only: reads billing's subscription events and hands them to the plan handler. */
@Component
class SubscriptionEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEventsListener.class);

    private final ApplyPlanChangeHandler handler;

    SubscriptionEventsListener(ApplyPlanChangeHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "auth-plans", topics = Topics.SUBSCRIPTION_EVENTS, groupId = ApplyPlanChangeHandler.GROUP)
    void onSubscriptionEvent(String json) {
        try {
            handler.handle(EventJson.read(json));
        } catch (UnknownEventTypeException e) {
            // a type from a newer billing build: skip it rather than retry it forever
            log.debug("skipping event: {}", e.getMessage());
        }
    }
}
