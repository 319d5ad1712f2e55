package io.cloudya.command.events;

import io.cloudya.command.store.StoredCommand;
import io.cloudya.contracts.EventEnvelope;
import io.cloudya.contracts.Topics;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.outbox.OutboxWriter;
import org.springframework.stereotype.Component;

/** Tells the ledger how a reserved command ended, through the outbox, in the caller's transaction. */
@Component
public class CommandEvents {

    public static final String AGGREGATE = "command";

    private final OutboxWriter outbox;

    public CommandEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Settle {@code charged} tokens (already capped at the reservation) and release the rest. */
    public void completed(StoredCommand command, long charged) {
        var event = new CommandCompleted(command.id(), command.userId(), command.reservation().id(),
                Math.toIntExact(charged));
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), event));
    }

    /** Release the whole reservation; {@code reason}: ai_failed, no_provider or answer_timeout. */
    public void failed(StoredCommand command, String reason) {
        var event = new CommandFailed(command.id(), command.userId(), command.reservation().id(), reason);
        outbox.append(Topics.COMMAND_EVENTS, AGGREGATE, EventEnvelope.of(command.userId(), command.traceId(), event));
    }
}
