package io.cloudya.gateway.error;

import io.cloudya.gateway.requestid.RequestLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error the gateway itself raises (unknown path, bad method, oversized body, failures outside a
 * route's circuit breaker) into ApiError JSON. Ordered ahead of Boot's default handler, which writes its own shape.
 */
@Component
@Order(-2)
class ApiErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorWebExceptionHandler.class);

    private final ApiErrorWriter writer;

    ApiErrorWebExceptionHandler(ApiErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = statusOf(error);
        if (status.is5xxServerError()) {
            try (var ignored = RequestLogContext.of(exchange)) {
                log.warn("{} {} failed with {}: {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), status.value(), error.toString());
            }
        }
        return writer.write(exchange.getResponse(), status, messageFor(status, exchange));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse response) {
            return response.getStatusCode();
        }
        if (error instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (error instanceof AuthenticationServiceException) {
            // the credential could not be checked (JWKS or auth-service unreachable): not the caller's fault
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String messageFor(HttpStatusCode status, ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return switch (status.value()) {
            case 404 -> "No such endpoint: " + path;
            case 405 -> "Method " + exchange.getRequest().getMethod() + " is not allowed on " + path;
            case 403 -> "This account may not use this sign-in method";
            case 413 -> "The request body is too large";
            case 503 -> "A service needed to complete the request is unavailable, try again later";
            case 504 -> "The service did not answer in time";
            default -> status.is5xxServerError() ? "The gateway could not complete the request"
                    : "The request could not be processed";
        };
    }
}
