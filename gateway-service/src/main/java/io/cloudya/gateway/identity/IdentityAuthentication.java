package io.cloudya.gateway.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The verified caller in Spring Security's context; the credential itself is not kept. */
public class IdentityAuthentication extends AbstractAuthenticationToken {

    private final VerifiedIdentity identity;

    public IdentityAuthentication(VerifiedIdentity identity) {
        super(List.of());
        this.identity = identity;
        setAuthenticated(true);
    }

    public VerifiedIdentity identity() {
        return identity;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return identity.userId();
    }
}
