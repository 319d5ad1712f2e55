package io.cloudya.relay.forward;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets a graceful stop fall between two batches. Debezium's engine interrupts a batch still being handled when it
 * closes; records already sent but not yet marked processed would then be sent again after the restart. Closing
 * the gate first waits for the batch in flight to finish (sent and marked) and makes later batches pass untouched,
 * unsent and unmarked, so the next start reads them again and sends them once.
 */
final class ForwardGate {

    private final ReentrantLock batch = new ReentrantLock();
    private volatile boolean open = true;

    /** @return whether the caller may handle its batch; if so it must call {@link #leave()} afterwards */
    boolean enter() {
        batch.lock();
        if (open) {
            return true;
        }
        batch.unlock();
        return false;
    }

    void leave() {
        batch.unlock();
    }

    void open() {
        open = true;
    }

    /**
     * Closes the gate and waits, at most {@code patience}, for the batch in flight.
     *
     * @return whether no batch is in flight any more (false: a send is stuck, e.g. Kafka is unreachable)
     */
    boolean close(Duration patience) throws InterruptedException {
        open = false;
        if (batch.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            batch.unlock();
            return true;
        }
        return false;
    }
}
