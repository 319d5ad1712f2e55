package io.cloudya.auth.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.auth.*}: who we are as a token issuer, how long credentials live, how keys rotate, how hard
 * failed logins are throttled, and which features each plan unlocks ({@code GET /api/auth/me}).
 * {@code trustedProxyHops}: how many proxies in front of this service each append to X-Forwarded-For (see
 * {@link io.cloudya.auth.web.ClientAddress}).
 */
@ConfigurationProperties("cloudya.auth")
public record AuthProperties(@DefaultValue("http://127.0.0.1:8081") URI issuer,
                             @DefaultValue("cloudya-api") String audience,
                             @DefaultValue("15m") Duration accessTokenTtl,
                             @DefaultValue("30d") Duration refreshTokenTtl,
                             @DefaultValue Signing signing,
                             @DefaultValue LoginThrottle loginThrottle,
                             @DefaultValue("1") int trustedProxyHops,
                             Map<String, List<String>> features) {

    public AuthProperties {
        features = features == null ? Map.of() : Map.copyOf(features);
        if (trustedProxyHops < 0) {
            throw new IllegalArgumentException("cloudya.auth.trusted-proxy-hops must be 0 or more");
        }
    }

    /** A new signing key every {@code rotation}; instances re-read the key set every {@code refresh}. */
    public record Signing(@DefaultValue("30d") Duration rotation, @DefaultValue("1m") Duration refresh) {
    }

    /** A key (account or client address) with {@code max} failures inside {@code window} is locked for {@code lockout}. */
    public record LoginThrottle(@DefaultValue("5") int accountMaxFailures,
                                @DefaultValue("20") int addressMaxFailures,
                                @DefaultValue("15m") Duration window,
                                @DefaultValue("15m") Duration lockout) {
    }
}
