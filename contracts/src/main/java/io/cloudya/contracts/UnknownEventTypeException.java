package io.cloudya.contracts;

/** An envelope names a type this build does not know; consumers skip it rather than fail the partition. */
public class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String type) {
        super("unknown event type: " + type);
    }
}
