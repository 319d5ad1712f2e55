package io.cloudya.auth.external;

import io.cloudya.contracts.http.IdentityHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/external-users}: the gateway asks which account a verified Keycloak token belongs to.
 * Synchronous, so the very first request of a new Keycloak user already carries its Cloudya user id.
 */
@RestController
class ExternalUserController {

    private final ResolveExternalUserHandler handler;

    ExternalUserController(ResolveExternalUserHandler handler) {
        this.handler = handler;
    }

    @PostMapping("/internal/external-users")
    ExternalUser resolve(@RequestBody ExternalUserRequest request,
                         @RequestHeader(name = IdentityHeaders.REQUEST_ID, required = false) String requestId) {
        return handler.resolve(request, requestId);
    }
}
