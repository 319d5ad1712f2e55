package io.cloudya.contracts.http;

/**
 * Headers the gateway sets after authenticating a request. Services trust only these; the gateway strips
 * any client-sent copies.
 */
public final class IdentityHeaders {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_PLAN = "X-User-Plan";
    public static final String REQUEST_ID = "X-Request-Id";

    private IdentityHeaders() {
    }
}
