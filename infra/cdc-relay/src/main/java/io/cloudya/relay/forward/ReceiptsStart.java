package io.cloudya.relay.forward;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the receipts reader starts: every partition of the topic, {@code retention} back (or its end if newer). */
final class ReceiptsStart {

    private static final Logger log = LoggerFactory.getLogger(ReceiptsStart.class);
    private static final Duration RETRY = Duration.ofMillis(500);

    private ReceiptsStart() {
    }

    static void assign(Consumer<String, String> receipts, String topic, Duration retention, BooleanSupplier running)
            throws InterruptedException {
        List<TopicPartition> partitions = partitionsOnceKnown(receipts, topic, running);
        receipts.assign(partitions);
        long since = System.currentTimeMillis() - retention.toMillis();
        Map<TopicPartition, OffsetAndTimestamp> offsets = receipts.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> since)));
        offsets.forEach((partition, offset) -> {
            if (offset == null) {
                receipts.seekToEnd(List.of(partition));
            } else {
                receipts.seek(partition, offset.offset());
            }
        });
    }

    /** The broker creates the topic at start (Topics.ALL); until then, or while it is away, ask again. */
    private static List<TopicPartition> partitionsOnceKnown(Consumer<String, String> receipts, String topic,
                                                            BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            try {
                List<TopicPartition> partitions = receipts.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (TimeoutException e) {
                log.debug("no answer about {} yet: {}", topic, e.toString());
            }
            Thread.sleep(RETRY);
        }
        return List.of();
    }
}
