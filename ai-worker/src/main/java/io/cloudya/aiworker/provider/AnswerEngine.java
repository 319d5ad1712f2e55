package io.cloudya.aiworker.provider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the providers in failover order and returns the first answer, labelled with the provider that gave it.
 * Providers are not asked once the job's deadline has passed: nobody is waiting for that answer any more.
 */
public class AnswerEngine {

    private static final Logger log = LoggerFactory.getLogger(AnswerEngine.class);

    private final List<AnswerProvider> providers;
    private final Clock clock;

    public AnswerEngine(List<AnswerProvider> providers, Clock clock) {
        this.providers = List.copyOf(providers);
        this.clock = clock;
    }

    public AnswerEngine(List<AnswerProvider> providers) {
        this(providers, Clock.systemUTC());
    }

    public ProviderAnswer answer(AnswerRequest request) {
        return answer(request, AnswerStream.DISCARD);
    }

    public ProviderAnswer answer(AnswerRequest request, AnswerStream stream) {
        for (AnswerProvider provider : providers) {
            if (!clock.instant().isBefore(request.deadline())) {
                throw new NoProviderAnsweredException("The answer's deadline passed before any provider answered.");
            }
            Optional<AnswerDraft> draft = ask(provider, request, stream);
            if (draft.isPresent()) {
                AnswerDraft answer = draft.get();
                return new ProviderAnswer(provider.name(), answer.model(), answer.response(), answer.commands());
            }
        }
        throw new NoProviderAnsweredException("No AI provider could answer (tried " + providers.size() + ").");
    }

    private static Optional<AnswerDraft> ask(AnswerProvider provider, AnswerRequest request, AnswerStream stream) {
        AtomicBoolean streamed = new AtomicBoolean();
        try {
            return provider.answer(request, text -> {
                streamed.set(true);
                stream.chunk(text);
            });
        } catch (RuntimeException e) {
            // one provider's outage must not fail the job while another can still answer
            log.warn("provider {} failed, asking the next one: {}", provider.name(), e.toString());
            if (streamed.get()) {
                // the client saw part of an answer that will not be finished: say so before the next one starts
                stream.chunk("\n\n[" + provider.name() + " was interrupted; the answer restarts]\n\n");
            }
            return Optional.empty();
        }
    }
}
