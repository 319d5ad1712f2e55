package io.cloudya.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.outbox.fast-path} (default true): also send each committed event straight to Kafka,
 * ahead of the CDC relay, to keep the saga's answer path short. {@code cloudya.outbox.commit-interval} (default 1s,
 * 0 = after every poll): how often listeners commit their offsets ({@link LazyOffsetCommits}).
 */
@ConfigurationProperties("cloudya.outbox")
public record OutboxProperties(@DefaultValue("true") boolean fastPath, @DefaultValue("1s") Duration commitInterval) {
}
