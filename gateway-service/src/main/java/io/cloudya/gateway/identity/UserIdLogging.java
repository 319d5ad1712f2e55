package io.cloudya.gateway.identity;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Bridges the verified user id from the Reactor context to the SLF4J MDC, as {@code RequestIdLogging} does for the
 * request id, so every gateway log line after authentication (text or JSON) names the user.
 */
@Configuration(proxyBeanMethods = false)
class UserIdLogging {

    static final String KEY = "userId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }
}
