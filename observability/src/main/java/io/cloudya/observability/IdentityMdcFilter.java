package io.cloudya.observability;

import io.cloudya.contracts.http.IdentityHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the user id and request id the gateway verified and stamped ({@link IdentityHeaders}) into the MDC for the
 * request's log lines. First in the chain, so even a failure in another filter is logged with them.
 */
public class IdentityMdcFilter extends OncePerRequestFilter implements Ordered {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        putIfSane(MdcKeys.USER_ID, request.getHeader(IdentityHeaders.USER_ID));
        putIfSane(MdcKeys.REQUEST_ID, request.getHeader(IdentityHeaders.REQUEST_ID));
        try {
            chain.doFilter(request, response);
        } finally {
            // pooled threads serve other users next
            MDC.remove(MdcKeys.USER_ID);
            MDC.remove(MdcKeys.REQUEST_ID);
        }
    }

    private static void putIfSane(String key, String value) {
        String sane = MdcKeys.sane(value);
        if (sane != null) {
            MDC.put(key, sane);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
