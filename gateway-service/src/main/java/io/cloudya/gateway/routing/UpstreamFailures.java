package io.cloudya.gateway.routing;

import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Tells a slow upstream from a missing one, whichever layer (Netty routing, Resilience4j) reported it. */
final class UpstreamFailures {

    private UpstreamFailures() {
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
            // the routing filter reports its response timeout as 504 ResponseStatusException
            if (t instanceof ResponseStatusException rse
                    && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
