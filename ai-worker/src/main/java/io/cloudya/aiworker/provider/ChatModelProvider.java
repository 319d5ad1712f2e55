package io.cloudya.aiworker.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * One configured model provider: streams the model's answer, passing each piece on as it arrives, inside the
 * provider's retry and circuit breaker and within both the provider's timeout and the job's deadline.
 * Once text has been streamed a failure is not retried here (the client has seen part of this answer); the
 * next provider is asked instead.
 */
public class ChatModelProvider implements AnswerProvider {

    private final ProviderSettings settings;
    private final ChatModel model;
    private final PromptFactory prompts;
    private final ProviderResilience resilience;
    private final Clock clock;

    public ChatModelProvider(ProviderSettings settings, ChatModel model, PromptFactory prompts,
                             ProviderResilience resilience, Clock clock) {
        this.settings = settings;
        this.model = model;
        this.prompts = prompts;
        this.resilience = resilience;
        this.clock = clock;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public Optional<AnswerDraft> answer(AnswerRequest request, AnswerStream stream) {
        Prompt prompt = prompts.prompt(request);
        String text = resilience.call(() -> streamOnce(prompt, request, stream));
        var parsed = ModelAnswerParser.parse(text);
        if (parsed.response().isBlank() && parsed.commands().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AnswerDraft(parsed.response(), parsed.commands(), settings.model()));
    }

    private String streamOnce(Prompt prompt, AnswerRequest request, AnswerStream stream) {
        Duration budget = budget(request);
        StringBuilder text = new StringBuilder();
        try {
            model.stream(prompt)
                    .timeout(settings.timeout())
                    .mapNotNull(ChatModelProvider::text)
                    .doOnNext(piece -> {
                        text.append(piece);
                        stream.chunk(piece);
                    })
                    .blockLast(budget);
        } catch (RuntimeException e) {
            if (!text.isEmpty() || !RetryableFailures.isRetryable(e)) {
                throw new StreamInterruptedException(name() + " stopped after " + text.length() + " chars", e);
            }
            throw e;
        }
        return text.toString();
    }

    /** The provider's timeout, or less when the job's deadline is closer. */
    private Duration budget(AnswerRequest request) {
        Duration left = Duration.between(clock.instant(), request.deadline());
        if (left.isNegative() || left.isZero()) {
            // the cause lets ai.provider.calls tell a deadline that ran out during retries from a broken provider
            throw new StreamInterruptedException(name() + ": no time left before the deadline",
                    new TimeoutException("job deadline"));
        }
        return left.compareTo(settings.timeout()) < 0 ? left : settings.timeout();
    }

    private static String text(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return null;
        }
        String text = response.getResult().getOutput().getText();
        return text == null || text.isEmpty() ? null : text;
    }
}
