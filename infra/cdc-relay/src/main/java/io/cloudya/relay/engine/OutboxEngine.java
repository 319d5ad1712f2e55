package io.cloudya.relay.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's Debezium engine and its lifecycle: it starts once the database and its publication exist,
 * retries with backoff until then, and restarts the same way if the engine dies. Its failures stay its own:
 * the other databases' engines never notice.
 */
public class OutboxEngine {

    private static final Logger log = LoggerFactory.getLogger(OutboxEngine.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String database;
    private final Properties config;
    private final PublicationProbe probe;
    private final DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> consumer;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService runner;
    private volatile EngineState state = EngineState.stopped();
    private boolean wanted;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private CompletableFuture<Void> finished = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> pendingAttempt;

    public OutboxEngine(String database, Properties config, PublicationProbe probe,
                        DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> consumer,
                        Duration initialBackoff, Duration maxBackoff) {
        this.database = database;
        this.config = config;
        this.probe = probe;
        this.consumer = consumer;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("relay-" + database).factory());
        this.runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("debezium-" + database).factory());
    }

    public String database() {
        return database;
    }

    public EngineState state() {
        return state;
    }

    /** Starts trying at once; returns without waiting for the engine to run. */
    public synchronized void start() {
        if (wanted) {
            return;
        }
        wanted = true;
        backoff.reset();
        schedule(Duration.ZERO);
    }

    /** Stops the engine, letting it save its offsets, and waits for it; the slot stays for the next start. */
    public void stop() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> running;
        CompletableFuture<Void> done;
        synchronized (this) {
            wanted = false;
            if (pendingAttempt != null) {
                pendingAttempt.cancel(false);
            }
            running = engine;
            done = finished;
        }
        if (running != null) {
            try {
                running.close();
                done.get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("Engine for {} did not stop cleanly", database, e);
            }
        }
        transition(EngineState.stopped());
    }

    /** Stops the engine and releases its threads; for application shutdown. */
    public void close() {
        stop();
        scheduler.shutdownNow();
        runner.shutdownNow();
    }

    private synchronized void schedule(Duration delay) {
        if (wanted) {
            pendingAttempt = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt() {
        Optional<String> blocker = probe.blocker(database);
        if (blocker.isPresent()) {
            retryLater(EngineState.waiting(blocker.get()));
            return;
        }
        synchronized (this) {
            if (!wanted) {
                return;
            }
            finished = new CompletableFuture<>();
            engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(config)
                    .notifying(consumer)
                    .using(new RunningCallback())
                    .using(this::onCompletion)
                    .build();
            transition(EngineState.starting());
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
        transition(waiting);
        schedule(backoff.next());
    }

    /** Logs only when the state changes, so a long wait writes one line, not one per attempt. */
    private void transition(EngineState next) {
        EngineState previous = state;
        state = next;
        if (!next.equals(previous)) {
            log.info("Outbox engine {}: {} ({})", database, next.phase(), next.reason());
        }
    }

    private final class RunningCallback implements DebeziumEngine.ConnectorCallback {
        @Override
        public void taskStarted() {
            backoff.reset();
            transition(EngineState.running());
        }
    }
}
