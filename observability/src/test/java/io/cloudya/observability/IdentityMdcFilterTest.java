package io.cloudya.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IdentityMdcFilterTest {

    private final IdentityMdcFilter filter = new IdentityMdcFilter();

    @Test
    void shouldNameUserAndRequestWhileTheRequestRunsAndForgetThemAfter() throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/command");
        request.addHeader("X-User-Id", "4b1c0a52-7d3e-4f7a-9a61-1f2f3c4d5e6f");
        request.addHeader("X-Request-Id", "cli-run-42.abc");
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("userId", "4b1c0a52-7d3e-4f7a-9a61-1f2f3c4d5e6f")
                .containsEntry("requestId", "cli-run-42.abc");
        assertThat(MDC.get("userId")).isNull();
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void shouldLeaveOutHeaderValuesThatCouldForgeLogContent() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/tokens/balance");
        request.addHeader("X-User-Id", "someone\n2026-01-01 INFO forged line");
        request.addHeader("X-Request-Id", "x".repeat(500));
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            if (MDC.getCopyOfContextMap() != null) {
                seen.putAll(MDC.getCopyOfContextMap());
            }
        });

        assertThat(seen).doesNotContainKeys("userId", "requestId");
    }
}
