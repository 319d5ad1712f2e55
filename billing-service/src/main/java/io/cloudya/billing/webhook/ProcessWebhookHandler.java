package io.cloudya.billing.webhook;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stores a verified event, then hands a first delivery of a known type to its handler, in one transaction. */
@Component
class ProcessWebhookHandler {

    private final WebhookLog log;
    private final Map<String, StripeEventHandler> handlers;

    ProcessWebhookHandler(WebhookLog log, List<StripeEventHandler> handlers) {
        this.log = log;
        this.handlers = handlers.stream()
                .flatMap(h -> h.types().stream().map(type -> Map.entry(type, h)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public WebhookOutcome process(WebhookEvent event, String payload) {
        if (!log.storeFirst(event, payload)) {
            return WebhookOutcome.DUPLICATE;
        }
        StripeEventHandler handler = handlers.get(event.type());
        WebhookOutcome outcome = WebhookOutcome.IGNORED;
        if (handler != null) {
            handler.handle(event);
            outcome = WebhookOutcome.PROCESSED;
        }
        log.markOutcome(event.id(), outcome);
        return outcome;
    }
}
