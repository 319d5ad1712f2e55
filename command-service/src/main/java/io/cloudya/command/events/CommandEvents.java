package io.cloudya.command.events;

import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells the ledger how a command ended, through the outbox, in the caller's transaction. The reservation id is the
 * hold the answer handed back, or null when none came back (a failure, the deadline): the ledger finds the hold by
 * the command id, and parks the outcome if the hold is not taken yet.
 */
@Component
public class CommandEvents {

    public static final String AGGREGATE = "command";

    private final OutboxWriter outbox;

    public CommandEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Settle {@code charged} tokens (already capped at the reservation) and release the rest. */
    public void completed(StoredCommand command, long charged) {
        var event = new CommandCompleted(command.id(), command.userId(), reservationOf(command),
                Math.toIntExact(charged));
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), event));
    }

    /** Release the whole reservation; {@code reason}: ai_failed, no_provider or answer_timeout. */
    public void failed(StoredCommand command, String reason) {
        var event = new CommandFailed(command.id(), command.userId(), reservationOf(command), reason);
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), event));
    }

    private static UUID reservationOf(StoredCommand command) {
        return command.reservation() == null ? null : command.reservation().reservationId();
    }
}
