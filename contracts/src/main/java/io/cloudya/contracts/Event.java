package io.cloudya.contracts;

/** Marker for every event payload; the record's simple name is the event type on the wire. */
public interface Event {
}
