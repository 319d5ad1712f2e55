package io.cloudya.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.outbox.fast-path} (default true): also send each committed event straight to Kafka,
 * ahead of the CDC relay, to keep the saga's answer path short. {@code cloudya.outbox.commit-interval} (default 1s,
 * 0 = after every poll): how often listeners commit their offsets ({@link LazyOffsetCommits}).
 * {@code cloudya.outbox.recent-deliveries} (default 16384): how many applied event ids this JVM remembers to drop
 * the relay's copy early ({@link RecentDeliveries}); the relay's copy comes ~100 ms after the fast path's, and at
 * 100 commands/s (~300 ids a second per group) this covers a relay running about 50 s behind; ~2 MB of heap.
 * {@code cloudya.outbox.receipts-topic} (default {@code outbox.delivered}; empty: none): where the fast path reports
 * the events Kafka acknowledged, gathered over {@code cloudya.outbox.receipts-window} (100ms), so that the CDC relay
 * does not publish them again ({@link FastPathReceipts}). Kafka Connect does not read them: off in the Helm chart.
 */
@ConfigurationProperties("cloudya.outbox")
public record OutboxProperties(@DefaultValue("true") boolean fastPath, @DefaultValue("1s") Duration commitInterval,
                               @DefaultValue("16384") int recentDeliveries,
                               @DefaultValue("outbox.delivered") String receiptsTopic,
                               @DefaultValue("100ms") Duration receiptsWindow) {
}
