package io.cloudya.command.answer;

import io.cloudya.contracts.token.ReservationSettled;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.springframework.http.ResponseEntity;

/**
 * One request parked in {@link PendingAnswers}. The AI answer and the ledger's settlement arrive in either order
 * and the timers fire on the timer thread, so the join state is guarded by this object. Whoever finishes the
 * request also removes it from the map, which is what makes finishing happen once.
 */
final class ParkedRequest {

    /** Builds the 200 answer from the settlement, or from the stored reservation when none came in time. */
    interface Answer {
        ResponseEntity<Object> build(Optional<ReservationSettled> settlement);
    }

    final AnswerSink sink;
    final long startedNanos;
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> settlementWait;
    private Answer answer;
    private ReservationSettled settlement;

    ParkedRequest(AnswerSink sink, long startedNanos) {
        this.sink = sink;
        this.startedNanos = startedNanos;
    }

    synchronized void deadline(ScheduledFuture<?> timer) {
        deadline = timer;
    }

    synchronized void settlementWait(ScheduledFuture<?> timer) {
        settlementWait = timer;
    }

    /** True once the AI answer is here: from then on the deadline no longer applies, only the settlement wait. */
    synchronized boolean answered() {
        return answer != null;
    }

    /** Stores the AI answer (first delivery only) and drops the deadline: an answered command is never timed out. */
    synchronized boolean answer(Answer built) {
        if (answer != null) {
            return false;
        }
        answer = built;
        cancel(deadline);
        return true;
    }

    synchronized Optional<Answer> answer() {
        return Optional.ofNullable(answer);
    }

    /** Stores the ledger's settlement (first delivery only). */
    synchronized boolean settle(ReservationSettled settled) {
        if (settlement != null) {
            return false;
        }
        settlement = settled;
        return true;
    }

    synchronized Optional<ReservationSettled> settlement() {
        return Optional.ofNullable(settlement);
    }

    synchronized void cancelTimers() {
        cancel(deadline);
        cancel(settlementWait);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
