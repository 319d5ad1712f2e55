package io.cloudya.auth.apikey;

import io.cloudya.auth.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/api-keys/verify}: the gateway's check of a {@code cly_} key. Under /internal, which
 * the gateway never routes, so only callers inside the network reach it.
 */
@RestController
class ApiKeyVerifyController {

    private final ApiKeys keys;

    ApiKeyVerifyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/internal/api-keys/verify")
    VerifiedApiKey verify(@RequestBody VerifyApiKeyRequest request) {
        return keys.verify(request.key()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "invalid_api_key", "Unknown or revoked API key"));
    }
}
