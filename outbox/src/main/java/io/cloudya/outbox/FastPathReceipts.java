package io.cloudya.outbox;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Tells the CDC relay which events the fast path has delivered (Kafka acknowledged them), so that the relay need not
 * publish a second copy that every consumer would fetch only to drop. The ids of a short window go out together, as
 * one record of comma-separated ids: a busy moment's receipts cost one small produce request, where the copies cost
 * one record per event for each consumer group of its topic. Best effort: a receipt lost or late only means the
 * relay publishes its copy, which consumers skip by event id.
 */
public class FastPathReceipts implements Consumer<UUID> {

    private static final Logger log = LoggerFactory.getLogger(FastPathReceipts.class);

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final Duration window;
    private final ScheduledExecutorService timer;
    private final StringBuilder pending = new StringBuilder();
    private boolean flushScheduled;

    public FastPathReceipts(KafkaTemplate<String, String> kafka, String topic, Duration window) {
        this(kafka, topic, window, daemonTimer());
    }

    FastPathReceipts(KafkaTemplate<String, String> kafka, String topic, Duration window,
                     ScheduledExecutorService timer) {
        this.kafka = kafka;
        this.topic = topic;
        this.window = window;
        this.timer = timer;
    }

    /** Called once Kafka acknowledged the fast-path send of {@code eventId}. */
    @Override
    public void accept(UUID eventId) {
        synchronized (this) {
            if (!pending.isEmpty()) {
                pending.append(',');
            }
            pending.append(eventId);
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        try {
            timer.schedule(this::flush, window.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("receipt of {} not sent: the service is stopping", eventId);
        }
    }

    private void flush() {
        String ids;
        synchronized (this) {
            ids = pending.toString();
            pending.setLength(0);
            flushScheduled = false;
        }
        try {
            kafka.send(topic, ids).whenComplete((result, error) -> {
                if (error != null) {
                    log.debug("receipts not delivered, the relay sends its copies: {}", error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.debug("receipts not sent, the relay sends its copies: {}", e.toString());
        }
    }

    /** No thread of its own while idle: the pool's one thread is created on the first receipt and may time out. */
    private static ScheduledExecutorService daemonTimer() {
        var timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("outbox-receipts").daemon(true).factory());
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
