package io.cloudya.gateway.identity;

import io.cloudya.gateway.error.ApiErrorWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 as an ApiError {@code unauthenticated} with an RFC 6750 challenge; never echoes the credential. */
@Component
class UnauthenticatedEntryPoint implements ServerAuthenticationEntryPoint {

    private final ApiErrorWriter writer;

    UnauthenticatedEntryPoint(ApiErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean presented = failure instanceof InvalidBearerTokenException
                || failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        String message = presented ? "The token or API key is invalid, expired or revoked"
                : "Sign in first: send Authorization: Bearer <access token or cly_ API key>";
        return writer.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, message);
    }
}
