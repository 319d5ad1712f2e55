package io.cloudya.aiworker.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * One entry of {@code cloudya.ai.providers[]}: the name reported to users, the protocol, where it listens, the
 * key (from an environment variable, never from the file), the model, how long one attempt may take, and
 * whether it is used at all. {@code maxTokens} caps the model's output (its own tokens, not Cloudya's words).
 */
public record ProviderSettings(String name, ProviderType type, String baseUrl, String apiKey, String model,
                               Duration timeout, boolean enabled, Integer maxTokens) {

    public ProviderSettings {
        Objects.requireNonNull(type, "type of provider " + name);
        name = name == null || name.isBlank() ? type.name().toLowerCase(java.util.Locale.ROOT) : name;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxTokens = maxTokens == null ? 1024 : maxTokens;
        apiKey = apiKey == null ? "" : apiKey;
    }
}
