package io.cloudya.gateway.identity;

/**
 * Who a request is from, as the gateway verified it: the Cloudya user id (auth-service's UUID), the plan,
 * and which credential proved it ({@code jwt}, {@code api-key}, {@code keycloak}).
 */
public record VerifiedIdentity(String userId, String plan, String source) {

    /** Exchange attribute under which the filters find the identity. */
    public static final String ATTRIBUTE = VerifiedIdentity.class.getName();
}
