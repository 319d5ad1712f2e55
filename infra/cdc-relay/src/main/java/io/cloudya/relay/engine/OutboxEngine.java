package io.cloudya.relay.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.cloudya.relay.forward.OutboxRecordForwarder;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's Debezium engine and its lifecycle: it starts once its {@link StartCheck}s pass, retries with backoff
 * until then ({@link StartAttempts}), and restarts the same way if the engine dies; failures stay its own.
 */
public class OutboxEngine {

    private static final Logger log = LoggerFactory.getLogger(OutboxEngine.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String database;
    private final Properties config;
    private final StartCheck checks;
    private final OutboxRecordForwarder forwarder;
    private final StartAttempts attempts;
    private final ExecutorService runner;
    private final EngineStateLog state;
    private boolean wanted;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);

    public OutboxEngine(String database, Properties config, StartCheck checks,
                        OutboxRecordForwarder forwarder,
                        Duration initialBackoff, Duration maxBackoff) {
        this.database = database;
        this.config = config;
        this.checks = checks;
        this.forwarder = forwarder;
        this.state = new EngineStateLog(database);
        this.attempts = new StartAttempts(database, this::attempt, initialBackoff, maxBackoff);
        this.runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("debezium-" + database).factory());
    }

    public String database() {
        return database;
    }

    public EngineState state() {
        return state.current();
    }

    /** Starts trying at once; returns without waiting for the engine to run. */
    public synchronized void start() {
        if (wanted) {
            return;
        }
        wanted = true;
        forwarder.resume();
        attempts.first();
    }

    /** Stops the engine, letting it save its offsets, and waits for it; the slot stays for the next start. */
    public void stop() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> running;
        CompletableFuture<Void> done;
        synchronized (this) {
            wanted = false;
            attempts.cancel();
            running = engine;
            done = finished;
        }
        if (running != null) {
            try {
                forwarder.quiesce(STOP_TIMEOUT);
                running.close();
                done.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("Engine for {} did not stop cleanly", database, e);
            }
        }
        state.moveTo(EngineState.stopped());
    }

    /** Stops the engine and releases its threads; for application shutdown. */
    public void close() {
        stop();
        attempts.shutdown();
        runner.shutdownNow();
    }

    private void attempt() {
        Optional<String> blocker = checks.blocker(database);
        if (blocker.isPresent()) {
            retryLater(EngineState.waiting(blocker.get()));
            return;
        }
        synchronized (this) {
            if (!wanted) {
                return;
            }
            finished = new CompletableFuture<>();
            engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class)).using(config).notifying(forwarder)
                    .using(new RunningCallback()).using(this::onCompletion).build();
            state.moveTo(EngineState.starting());
            runner.execute(engine);
        }
    }

    private void onCompletion(boolean success, String message, Throwable error) {
        CompletableFuture<Void> done;
        boolean restart;
        synchronized (this) {
            engine = null;
            done = finished;
            restart = wanted;
        }
        if (restart) {
            if (error != null) {
                log.warn("Engine for {} failed", database, error);
            }
            retryLater(EngineState.waiting("engine stopped: " + message));
        }
        done.complete(null);
    }

    private void retryLater(EngineState waiting) {
        state.moveTo(waiting);
        synchronized (this) {
            if (wanted) {
                attempts.retry();
            }
        }
    }

    private final class RunningCallback implements DebeziumEngine.ConnectorCallback {
        @Override
        public void taskStarted() {
            attempts.succeeded();
            state.moveTo(EngineState.running());
        }
    }
}
