package io.cloudya.command.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cloudya.chat.*}: which plans may chat, and the budget of earlier messages sent along with each new one,
 * so that a long conversation still fits the model's context (newest messages are kept). {@code plans} is written
 * cheapest plan first.
 */
@ConfigurationProperties("cloudya.chat")
public record ChatProperties(
        @DefaultValue({"starter", "pro", "enterprise"}) List<String> plans,
        @DefaultValue("20") int maxHistoryMessages,
        @DefaultValue("12000") int maxHistoryChars) {

    public boolean mayChat(String plan) {
        return plans.contains(CommandProperties.normalise(plan));
    }

    /** The cheapest plan that may chat, or null when none may. */
    public String cheapestChatPlan() {
        return plans.isEmpty() ? null : plans.getFirst();
    }
}
