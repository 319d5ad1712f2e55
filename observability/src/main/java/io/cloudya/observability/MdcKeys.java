package io.cloudya.observability;

import java.util.regex.Pattern;

/**
 * The MDC keys the services share, so text and JSON logs name the user and the request the same way everywhere
 * (traceId and spanId come from Micrometer Tracing itself).
 */
public final class MdcKeys {

    public static final String USER_ID = "userId";
    public static final String REQUEST_ID = "requestId";

    /** Ids are short and plain; anything else is left out rather than let a header forge log content. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    private MdcKeys() {
    }

    /** {@code value} if it may go into a log line as it is, else null. */
    public static String sane(Object value) {
        return value instanceof String text && SANE.matcher(text).matches() ? text : null;
    }
}
