package io.cloudya.gateway;

import java.util.Arrays;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Request bodies of a chosen size for the body-limit tests, sent whole (Content-Length) or chunked. */
final class TestBodies {

    private TestBodies() {
    }

    /** Printable bytes, so a mangled body shows up readably in a failed comparison. */
    static byte[] ofSize(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    /** No Content-Length: the client sends these pieces with Transfer-Encoding: chunked. */
    static Flux<DataBuffer> chunked(byte[] body) {
        int half = body.length / 2;
        return Flux.just(Arrays.copyOfRange(body, 0, half), Arrays.copyOfRange(body, half, body.length))
                .map(DefaultDataBufferFactory.sharedInstance::wrap);
    }

    /** The gateway's answer to a body over its limit: 413 with the usual error JSON. */
    static void expectPayloadTooLarge(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.code").isEqualTo("payload_too_large");
    }
}
