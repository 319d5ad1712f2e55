package io.cloudya.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The identity every request carries until authentication arrives ({@code cloudya.identity.*}). */
@ConfigurationProperties("cloudya.identity")
public record IdentityProperties(@DefaultValue("anonymous") String defaultUserId,
                                 @DefaultValue("free") String defaultPlan) {
}
