package io.cloudya.gateway.limits;

import io.cloudya.gateway.error.ApiErrorWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the path's limit ({@link LimitProperties}) with 413 {@code payload_too_large} before any
 * service sees them. A declared Content-Length is judged at once; a body of unknown length (chunked) is read up to
 * the limit first, because Spring Cloud Gateway's RequestSize filter only looks at Content-Length and would let
 * chunked bodies through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter implements WebFilter {

    private final LimitProperties limits;
    private final ApiErrorWriter errors;

    RequestSizeLimitFilter(LimitProperties limits, ApiErrorWriter errors) {
        this.limits = limits;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        int maxBytes = limits.maxBytesFor(exchange.getRequest().getPath().pathWithinApplication().value());
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange, maxBytes);
        }
        if (declared >= 0 || !hasBodyOfUnknownLength(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(RequestSizeLimitFilter::copyAndRelease)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(exchange.getRequest(), body)).build()))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange, maxBytes));
    }

    /** In HTTP/1.1 (the only protocol enabled here) a body without Content-Length is always chunked. */
    private static boolean hasBodyOfUnknownLength(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Heap copy: the pooled buffer is freed at once, so nothing leaks if the request is never routed. */
    private static byte[] copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Forwards the buffered body with a Content-Length, which every upstream handles. */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        ServerHttpRequest sized = request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.length);
        }).build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, int maxBytes) {
        return errors.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes");
    }
}
