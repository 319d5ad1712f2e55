package io.cloudya.auth.apikey;

import io.cloudya.auth.web.Caller;
import io.cloudya.contracts.http.IdentityHeaders;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own CLI keys: create (shown once), list, revoke. */
@RestController
@RequestMapping("/api/auth/api-keys")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKey create(@RequestBody(required = false) CreateApiKeyRequest request,
                         @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId) {
        return keys.create(Caller.userId(userId), request == null ? null : request.name());
    }

    @GetMapping
    List<ApiKeyView> list(@RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId) {
        return keys.list(Caller.userId(userId));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id,
                @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String userId) {
        keys.revoke(Caller.userId(userId), id);
    }
}
