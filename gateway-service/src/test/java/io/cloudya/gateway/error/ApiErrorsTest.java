package io.cloudya.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatusCode;

class ApiErrorsTest {

    @ParameterizedTest
    @CsvSource({
            "401, unauthenticated",
            "403, forbidden",
            "404, not_found",
            "405, method_not_allowed",
            "413, payload_too_large",
            "429, rate_limited",
            "500, internal_error",
            "503, service_unavailable",
            "504, upstream_timeout",
            "599, internal_error"})
    void namesEachStatusWithItsStableCode(int status, String code) {
        var error = ApiErrors.of(HttpStatusCode.valueOf(status), "msg");

        assertThat(error.code()).isEqualTo(code);
        assertThat(error.status()).isEqualTo(status);
    }
}
