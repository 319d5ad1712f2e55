package io.cloudya.billing.webhook;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import java.time.Instant;

/** A verified Stripe event: its id, type, Stripe creation time (what orders events) and data object. */
public record WebhookEvent(String id, String type, long createdEpochSecond, StripeObject object) {

    public static WebhookEvent of(Event event) {
        return new WebhookEvent(event.getId(), event.getType(), event.getCreated(), dataObject(event));
    }

    public Instant created() {
        return Instant.ofEpochSecond(createdEpochSecond);
    }

    public <T extends StripeObject> T object(Class<T> type) {
        return type.cast(object);
    }

    /**
     * stripe-java only deserializes without complaint when the event's API version equals the library's; the
     * webhook endpoint should be created with that version, but an older endpoint version must not drop money
     * events, so the fields we read are taken from the raw object either way.
     */
    private static StripeObject dataObject(Event event) {
        var data = event.getDataObjectDeserializer();
        return data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("unreadable data object in " + event.getType(), e);
            }
        });
    }
}
