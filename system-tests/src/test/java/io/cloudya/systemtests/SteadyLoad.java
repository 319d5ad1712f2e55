package io.cloudya.systemtests;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A few CLI users sending commands back to back until stopped; every outcome is recorded. */
final class SteadyLoad implements AutoCloseable {

    private final Gateway cli;
    private final int clients;
    private final ExecutorService pool;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Integer> answeredTokens = new ConcurrentHashMap<>();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    SteadyLoad(Gateway cli, int clients) {
        this.cli = cli;
        this.clients = clients;
        this.pool = Executors.newFixedThreadPool(clients);
    }

    SteadyLoad start() {
        for (int i = 0; i < clients; i++) {
            pool.submit(this::sendUntilStopped);
        }
        return this;
    }

    private void sendUntilStopped() {
        while (running.get()) {
            try {
                long sent = System.nanoTime();
                var reply = cli.postJson("/api/command", "{\"user_input\": \"list pods in namespace web\"}");
                statuses.add(reply.status());
                if (reply.status() == 200) {
                    answeredTokens.put(reply.body().get("id").asString(), reply.body().get("tokens_used").asInt());
                    answers.add(new Answer(sent, System.nanoTime()));
                }
            } catch (RuntimeException connectionRefused) {
                statuses.add(-1);
            }
            pause(100);
        }
    }

    /** When the first 200 answer to a command sent after {@code nanos} arrived ({@link System#nanoTime()}). */
    OptionalLong firstAnswerSentAfter(long nanos) {
        return answers.stream().filter(answer -> answer.sentNanos() > nanos).mapToLong(Answer::arrivedNanos).min();
    }

    List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** Command id → tokens_used, for every 200 answer. */
    java.util.Map<String, Integer> answered() {
        return java.util.Map.copyOf(answeredTokens);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(long sentNanos, long arrivedNanos) {
    }
}
