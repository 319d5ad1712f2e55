package io.cloudya.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.outbox.fast-path} (default true): also send each committed event straight to Kafka,
 * ahead of the CDC relay, to keep the saga's answer path short.
 */
@ConfigurationProperties("cloudya.outbox")
public record OutboxProperties(@DefaultValue("true") boolean fastPath) {
}
