package io.cloudya.command.answer;

import java.util.concurrent.ScheduledFuture;

/**
 * One request parked in {@link PendingAnswers}. Whoever finishes the request also removes it from the map, which is
 * what makes finishing happen once; the deadline timer is cancelled then.
 */
final class ParkedRequest {

    final AnswerSink sink;
    final long startedNanos;
    private ScheduledFuture<?> deadline;

    ParkedRequest(AnswerSink sink, long startedNanos) {
        this.sink = sink;
        this.startedNanos = startedNanos;
    }

    synchronized void deadline(ScheduledFuture<?> timer) {
        deadline = timer;
    }

    synchronized void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
