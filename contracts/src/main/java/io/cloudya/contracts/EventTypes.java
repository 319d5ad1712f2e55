package io.cloudya.contracts;

import io.cloudya.contracts.ai.AiAnswerChunk;
import io.cloudya.contracts.ai.AiJobCompleted;
import io.cloudya.contracts.ai.AiJobFailed;
import io.cloudya.contracts.auth.UserRegistered;
import io.cloudya.contracts.billing.PurchaseRefunded;
import io.cloudya.contracts.billing.SubscriptionCanceled;
import io.cloudya.contracts.billing.SubscriptionChanged;
import io.cloudya.contracts.billing.SubscriptionRenewed;
import io.cloudya.contracts.billing.SubscriptionStarted;
import io.cloudya.contracts.billing.TokensPurchased;
import io.cloudya.contracts.command.AiJobRequested;
import io.cloudya.contracts.command.CommandCompleted;
import io.cloudya.contracts.command.CommandFailed;
import io.cloudya.contracts.command.CommandRequested;
import io.cloudya.contracts.token.ReservationReleased;
import io.cloudya.contracts.token.ReservationSettled;
import io.cloudya.contracts.token.TokenPeriodRenewed;
import io.cloudya.contracts.token.TokensLow;
import io.cloudya.contracts.token.TokensRejected;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of known event types: the wire name (the record's simple name) to its record class. */
public final class EventTypes {

    static final List<Class<? extends Event>> ALL = List.of(
            CommandRequested.class, AiJobRequested.class, CommandCompleted.class, CommandFailed.class,
            AiJobCompleted.class, AiJobFailed.class, AiAnswerChunk.class,
            UserRegistered.class,
            TokensRejected.class, ReservationSettled.class, ReservationReleased.class,
            TokensLow.class, TokenPeriodRenewed.class,
            SubscriptionStarted.class, SubscriptionRenewed.class, SubscriptionChanged.class,
            SubscriptionCanceled.class, TokensPurchased.class, PurchaseRefunded.class);

    private static final Map<String, Class<? extends Event>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<? extends Event>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }
}
