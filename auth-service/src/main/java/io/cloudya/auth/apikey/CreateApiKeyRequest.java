package io.cloudya.auth.apikey;

/** {@code POST /api/auth/api-keys} body; the name helps the user tell keys apart ("laptop", "ci"). */
public record CreateApiKeyRequest(String name) {
}
