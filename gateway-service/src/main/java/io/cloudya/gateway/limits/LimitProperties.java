package io.cloudya.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code cloudya.limits.max-request-body}: the largest request body the gateway accepts (default 64KB). */
@ConfigurationProperties("cloudya.limits")
public record LimitProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
