package io.cloudya.relay.forward;

/** Which outbox events a service's fast path has already delivered to Kafka ({@link ReceiptsReader}). */
public interface DeliveryReceipts {

    /** Nothing is known to be delivered: the relay publishes every event. */
    DeliveryReceipts NONE = (eventId, deadlineMillis) -> false;

    /**
     * Whether the fast path delivered {@code eventId}, waiting for its receipt until {@code deadlineMillis}
     * (epoch millis) at the latest; a deadline already passed only looks.
     */
    boolean awaitDelivered(String eventId, long deadlineMillis) throws InterruptedException;
}
