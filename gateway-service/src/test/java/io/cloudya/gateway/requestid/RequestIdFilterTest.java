package io.cloudya.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "cli-42.run_7:x", "0f8fad5b-d9cb-469f-a165-70867728950e"})
    void keepsSaneClientRequestId(String candidate) {
        assertThat(RequestIdFilter.accept(candidate)).isEqualTo(candidate);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "<script>", "é"})
    void replacesMissingOrUnsafeRequestIdWithUuid(String candidate) {
        assertThat(RequestIdFilter.accept(candidate)).hasSize(36).isNotEqualTo(candidate);
    }

    @Test
    void replacesOverlongRequestId() {
        assertThat(RequestIdFilter.accept("a".repeat(129))).hasSize(36);
        assertThat(RequestIdFilter.accept("a".repeat(128))).hasSize(128);
    }
}
