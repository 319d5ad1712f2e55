package io.cloudya.relay;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.cloudya.relay.engine.OutboxEngine;
import io.cloudya.relay.support.OutboxDatabase;

/** Writes events one transaction at a time while the engine is stopped part-way through and started again. */
final class RestartDuringWrites {

    private final OutboxDatabase db;
    private final String topic;
    private final String key;
    private final int count;
    private final AtomicInteger writtenWhileStopped = new AtomicInteger();
    private volatile boolean engineStopped;

    RestartDuringWrites(OutboxDatabase db, String topic, String key, int count) {
        this.db = db;
        this.topic = topic;
        this.key = key;
        this.count = count;
    }

    /** @return the ids written, once all are committed and the engine has been started again */
    List<UUID> run(OutboxEngine engine) throws Exception {
        List<UUID> written = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch aThirdWritten = new CountDownLatch(count / 3);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(written, aThirdWritten));
        if (!aThirdWritten.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writer stalled");
        }
        engine.stop();
        engineStopped = true;
        writer.get(60, TimeUnit.SECONDS);
        engine.start();
        return List.copyOf(written);
    }

    int writtenWhileStopped() {
        return writtenWhileStopped.get();
    }

    private void write(List<UUID> written, CountDownLatch progress) {
        try {
            for (int i = 0; i < count; i++) {
                written.add(db.commitEvent(topic, key));
                if (engineStopped) {
                    writtenWhileStopped.incrementAndGet();
                }
                progress.countDown();
                // Paces the writes (about 1 s in all) so that the stop lands in the middle of them.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
