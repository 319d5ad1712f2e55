package io.cloudya.gateway.identity;

import io.cloudya.contracts.http.IdentityHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Services trust the identity headers blindly, so only the gateway may set them: every client copy is dropped
 * (set/remove replace all values, any case), then the verified user, plan and priority are stamped. The credential
 * itself stays here: services never need it, and each copy is one more place to leak from.
 */
@Component
public class IdentityStamp {

    static final String PRIORITY = "X-Priority";

    private final IdentityProperties properties;

    IdentityStamp(IdentityProperties properties) {
        this.properties = properties;
    }

    /** Stamps {@code identity} on headers bound upstream; null (a public path) stamps none. */
    public void stamp(HttpHeaders headers, VerifiedIdentity identity) {
        headers.remove(IdentityHeaders.USER_ID);
        headers.remove(IdentityHeaders.USER_PLAN);
        headers.remove(PRIORITY);
        headers.remove(HttpHeaders.AUTHORIZATION);
        if (identity != null) {
            headers.set(IdentityHeaders.USER_ID, identity.userId());
            headers.set(IdentityHeaders.USER_PLAN, identity.plan());
            if (properties.priorityPlans().contains(identity.plan())) {
                headers.set(PRIORITY, "high");
            }
        }
    }
}
