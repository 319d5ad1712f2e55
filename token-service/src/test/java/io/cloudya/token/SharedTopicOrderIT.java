package io.cloudya.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudya.contracts.Event;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.token.HeldTokens;
import io.cloudya.contracts.token.TokensRejected;
import io.cloudya.token.reservation.Reservation;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Why the ai-worker's verdict shares command.events, and its key, with the requests: the ledger reads a user's
 * next CommandRequested after the answer the client saw before sending it, so the tokens that answer left unused
 * are back before the next hold is sized. On a topic of its own the answer could be read later, and the next
 * command rejected for tokens the user already has.
 */
@TokenServiceIT
class SharedTopicOrderIT extends SagaLedgerITSupport {

    @Test
    void holdsTheCommandSentRightAfterTheAnswerThatFreedTheTokensForIt() {
        String user = userWith340Tokens();
        UUID first = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        Events.publish(kafka, Events.requested(user, first, 300));
        var firstJob = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, first, WAIT);
        assertThat(firstJob.reservation().availableAfter()).as("below the 50-token minimum: no second hold")
                .isEqualTo(40);

        var answer = Events.answered(firstJob, 10);
        var nextRequest = Events.requested(user, next, 300);
        assertThat(Events.topicOf(answer.payload())).isEqualTo(Events.topicOf(nextRequest.payload()));
        assertThat(answer.key()).as("same key, same partition").isEqualTo(nextRequest.key());
        Events.publish(kafka, answer);
        Events.publish(kafka, nextRequest);

        var nextJob = AiJobs.await(probe, Topics.AI_JOB_REQUESTS, next, WAIT);
        assertThat(nextJob.reservation()).isEqualTo(new HeldTokens(Reservation.idFor(next), 300, 30));
        assertThat(ledger.reservationStatus(first)).isEqualTo("SETTLED");
        assertThat(ledger.reservationStatus(next)).isEqualTo("PENDING");
        probe.drain(Duration.ofSeconds(1));
        assertThat(probe.matching(Topics.RESERVATION_EVENTS, rejectedFor(next))).isEmpty();
    }

    /** A Free user who spent 660 of the 1,000 sign-up tokens: enough for one 300-token hold, not two. */
    private String userWith340Tokens() {
        String user = Events.newUser("order");
        Events.publish(kafka, Events.registered(user));
        for (int wordsUsed : List.of(300, 300, 60)) {
            UUID command = UUID.randomUUID();
            Events.publish(kafka, Events.requested(user, command, 300));
            Events.publish(kafka, Events.answered(user, command, wordsUsed));
        }
        await().atMost(WAIT).until(() -> ledger.buckets(user) != null && ledger.buckets(user).available() == 340);
        return user;
    }

    private static Predicate<EventEnvelope<Event>> rejectedFor(UUID commandId) {
        return e -> e.payload() instanceof TokensRejected r && r.commandId().equals(commandId);
    }
}
