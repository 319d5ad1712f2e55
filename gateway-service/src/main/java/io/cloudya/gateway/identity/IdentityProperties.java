package io.cloudya.gateway.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cloudya.identity.priority-plans}: plans whose requests carry {@code X-Priority: high}. */
@ConfigurationProperties("cloudya.identity")
public record IdentityProperties(@DefaultValue({"pro", "enterprise"}) List<String> priorityPlans) {
}
