package io.cloudya.auth.web;

import io.cloudya.auth.config.AuthProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The caller's address for login throttling. Each proxy in front of us (ingress controller, gateway) appends the
 * address it saw to X-Forwarded-For, so with {@code cloudya.auth.trusted-proxy-hops} = n the client is the n-th
 * entry from the right: what the first trusted proxy saw. Anything further left was written by the client and
 * is ignored, or a client could pick a fresh address per attempt. Without the header, or with 0 hops, it is the
 * socket's peer (Tomcat's forwarded-header rewriting is off, so that really is the peer).
 */
@Component
public class ClientAddress {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final int trustedProxyHops;

    public ClientAddress(AuthProperties properties) {
        this.trustedProxyHops = properties.trustedProxyHops();
    }

    public String of(HttpServletRequest request) {
        List<String> chain = forwardedChain(request);
        if (trustedProxyHops == 0 || chain.isEmpty()) {
            return request.getRemoteAddr();
        }
        // a shorter chain than configured: the request passed fewer proxies, and the first of them saw the client
        return chain.get(Math.max(0, chain.size() - trustedProxyHops));
    }

    /** Every X-Forwarded-For entry, oldest first, across repeated headers. */
    private static List<String> forwardedChain(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(X_FORWARDED_FOR))) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    chain.add(entry.trim());
                }
            }
        }
        return chain;
    }
}
