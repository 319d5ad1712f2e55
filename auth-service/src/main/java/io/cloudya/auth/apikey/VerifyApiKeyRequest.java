package io.cloudya.auth.apikey;

/** {@code POST /internal/api-keys/verify} body, sent by the gateway. */
public record VerifyApiKeyRequest(String key) {
}
