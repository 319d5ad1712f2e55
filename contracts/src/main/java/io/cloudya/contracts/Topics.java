package io.cloudya.contracts;

import java.util.List;

/** Kafka topic names, one place. docs/events.md lists producer and consumers of each. */
public final class Topics {

    /**
     * The command saga, keyed by user: CommandRequested (command-service) and the ai-worker's verdict,
     * AiJobCompleted or AiJobFailed. One topic, so a user's next command follows the outcome its client saw.
     * CommandCompleted and CommandFailed: what command-service sent here before 2026-11-28.
     */
    public static final String COMMAND_EVENTS = "command.events";
    /** AiJobRequested for Free and Starter users: produced by token-service once the tokens are held. */
    public static final String AI_JOB_REQUESTS = "ai-job.requests";
    /** AiJobRequested for Pro and Enterprise users: the ai-worker drains this lane first. */
    public static final String AI_JOB_REQUESTS_PRIORITY = "ai-job.requests.priority";
    /** AiJobCompleted and AiJobFailed before 2026-11-28 (now on {@link #COMMAND_EVENTS}): read for a rolling upgrade. */
    public static final String AI_JOB_EVENTS = "ai-job.events";
    /** AiAnswerChunk: streamed pieces of answers, ephemeral (plain Kafka, no outbox), produced by ai-worker. */
    public static final String AI_ANSWER_CHUNKS = "ai-job.chunks";
    /**
     * Saga outcomes (AiJobCompleted, AiJobFailed, TokensRejected) passed on by the command-service
     * instance that ran the step to the one holding the request: plain Kafka, no outbox, every instance reads all.
     */
    public static final String COMMAND_REPLIES = "command.replies";
    /** UserRegistered: produced by auth-service. */
    public static final String USER_EVENTS = "user.events";
    /** TokensRejected, ReservationSettled, ReservationReleased: produced by token-service. */
    public static final String RESERVATION_EVENTS = "reservation.events";
    /** TokensLow, TokenPeriodRenewed: produced by token-service. */
    public static final String TOKEN_ACCOUNT_EVENTS = "token-account.events";
    /** SubscriptionStarted, SubscriptionRenewed, SubscriptionChanged, SubscriptionCanceled: billing-service. */
    public static final String SUBSCRIPTION_EVENTS = "subscription.events";
    /** TokensPurchased, PurchaseRefunded: produced by billing-service. */
    public static final String PAYMENT_EVENTS = "payment.events";
    /**
     * Receipts of the outbox fast path: comma-separated ids of events Kafka has acknowledged, so that the CDC relay
     * does not publish them again (outbox {@code FastPathReceipts}; docs/events.md). Not an event topic.
     */
    public static final String OUTBOX_DELIVERED = "outbox.delivered";

    public static final List<String> ALL = List.of(
            COMMAND_EVENTS, AI_JOB_REQUESTS, AI_JOB_REQUESTS_PRIORITY, AI_JOB_EVENTS, AI_ANSWER_CHUNKS, COMMAND_REPLIES,
            USER_EVENTS, RESERVATION_EVENTS, TOKEN_ACCOUNT_EVENTS, SUBSCRIPTION_EVENTS, PAYMENT_EVENTS,
            OUTBOX_DELIVERED);

    private Topics() {
    }
}
