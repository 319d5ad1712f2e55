package io.cloudya.relay.forward;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the services' fast-path receipts (comma-separated event ids, outbox {@code FastPathReceipts}) on a thread of
 * its own and remembers each id for {@code retention}. It reads every partition without a consumer group, starting
 * {@code retention} back, so a restarted relay still knows what was delivered just before. Runs before the engines
 * start and stops after them (lower phase); until it has caught up the relay merely publishes a few copies.
 */
public class ReceiptsReader implements DeliveryReceipts, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReceiptsReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Supplier<Consumer<String, String>> consumers;
    private final String topic;
    private final Duration retention;
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final Object arrivals = new Object();
    private volatile Consumer<String, String> consumer;
    private volatile boolean running;
    private Thread reader;

    public ReceiptsReader(Supplier<Consumer<String, String>> consumers, String topic, Duration retention) {
        this.consumers = consumers;
        this.topic = topic;
        this.retention = retention;
    }

    @Override
    public boolean awaitDelivered(String eventId, long deadlineMillis) throws InterruptedException {
        if (eventId == null) {
            return false;
        }
        synchronized (arrivals) {
            while (!receivedAt.containsKey(eventId)) {
                long left = deadlineMillis - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                arrivals.wait(left);
            }
        }
        return true;
    }

    @Override
    public void start() {
        running = true;
        consumer = consumers.get();
        reader = Thread.ofPlatform().name("relay-receipts").daemon(true).start(this::read);
    }

    @Override
    public void stop() {
        running = false;
        if (consumer == null) {
            return;
        }
        consumer.wakeup();
        try {
            reader.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the engines (default phase), so that it starts first and stops last. */
    @Override
    public int getPhase() {
        return 0;
    }

    /** Reads until stopped; a failure (the broker gone for good, say) costs copies, and a new consumer retries. */
    private void read() {
        while (running) {
            try (Consumer<String, String> receipts = consumer) {
                readWith(receipts);
            } catch (WakeupException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("reading the fast path's receipts failed, the relay copies every event meanwhile", e);
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException stopping) {
                    return;
                }
                consumer = consumers.get();
            }
        }
    }

    private void readWith(Consumer<String, String> receipts) throws InterruptedException {
        ReceiptsStart.assign(receipts, topic, retention, () -> running);
        long nextEviction = System.currentTimeMillis() + retention.toMillis();
        while (running) {
            remember(receipts.poll(POLL));
            if (System.currentTimeMillis() >= nextEviction) {
                long oldest = System.currentTimeMillis() - retention.toMillis();
                receivedAt.values().removeIf(at -> at < oldest);
                nextEviction = System.currentTimeMillis() + retention.toMillis() / 4;
            }
        }
    }

    private void remember(Iterable<ConsumerRecord<String, String>> records) {
        boolean any = false;
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                continue;
            }
            for (String id : record.value().split(",")) {
                receivedAt.put(id, now);
                any = true;
            }
        }
        if (any) {
            synchronized (arrivals) {
                arrivals.notifyAll();
            }
        }
    }
}
