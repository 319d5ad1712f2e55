package io.cloudya.aiworker.provider;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Asks the providers in order and returns the first answer, labelled with the provider that gave it. */
@Component
public class AnswerEngine {

    private static final Logger log = LoggerFactory.getLogger(AnswerEngine.class);

    private final List<AnswerProvider> providers;

    public AnswerEngine(List<AnswerProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public ProviderAnswer answer(AnswerRequest request) {
        for (AnswerProvider provider : providers) {
            Optional<AnswerDraft> draft = ask(provider, request);
            if (draft.isPresent()) {
                AnswerDraft answer = draft.get();
                return new ProviderAnswer(provider.name(), answer.model(), answer.response(), answer.commands());
            }
        }
        throw new NoProviderAnsweredException("No AI provider could answer (tried " + providers.size() + ").");
    }

    private static Optional<AnswerDraft> ask(AnswerProvider provider, AnswerRequest request) {
        try {
            return provider.answer(request);
        } catch (RuntimeException e) {
            // one provider's outage must not fail the job while another can still answer
            log.warn("provider {} failed, asking the next one: {}", provider.name(), e.toString());
            return Optional.empty();
        }
    }
}
