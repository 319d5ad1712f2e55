package io.cloudya.token.events;

/**
 * An inbound event that can never be applied (unknown plan, impossible amount, unknown account). Thrown inside
 * the handler's transaction, so nothing it touched is kept; the listener logs and counts it and moves on.
 */
public class RejectedEventException extends RuntimeException {

    private final String code;

    public RejectedEventException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
