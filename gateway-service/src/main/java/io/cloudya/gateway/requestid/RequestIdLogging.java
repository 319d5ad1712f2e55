package io.cloudya.gateway.requestid;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Bridges the request id from the Reactor context to the SLF4J MDC. With
 * {@code spring.reactor.context-propagation=auto}, Reactor restores it on whatever thread runs the request,
 * so {@code %X{requestId}} in the log pattern names the request on every gateway log line about it.
 */
@Configuration(proxyBeanMethods = false)
class RequestIdLogging {

    static final String KEY = "requestId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(KEY,
                () -> MDC.get(KEY), value -> MDC.put(KEY, value), () -> MDC.remove(KEY));
    }
}
