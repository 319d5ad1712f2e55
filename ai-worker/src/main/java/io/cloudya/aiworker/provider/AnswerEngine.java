package io.cloudya.aiworker.provider;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the providers in failover order and returns the first answer, labelled with the provider that gave it.
 * Providers are not asked once the job's deadline has passed: nobody is waiting for that answer any more.
 * Every provider asked is metered, and so is every hand-over to the next one ({@link ProviderMetrics}).
 */
public class AnswerEngine {

    private static final Logger log = LoggerFactory.getLogger(AnswerEngine.class);

    private final List<AnswerProvider> providers;
    private final Clock clock;
    private final ProviderMetrics metrics;

    public AnswerEngine(List<AnswerProvider> providers, Clock clock, MeterRegistry meters) {
        this.providers = List.copyOf(providers);
        this.clock = clock;
        this.metrics = new ProviderMetrics(meters);
    }

    public AnswerEngine(List<AnswerProvider> providers, MeterRegistry meters) {
        this(providers, Clock.systemUTC(), meters);
    }

    public ProviderAnswer answer(AnswerRequest request) {
        return answer(request, AnswerStream.DISCARD);
    }

    public ProviderAnswer answer(AnswerRequest request, AnswerStream stream) {
        String previous = null;
        for (AnswerProvider provider : providers) {
            if (!clock.instant().isBefore(request.deadline())) {
                throw new NoProviderAnsweredException("The answer's deadline passed before any provider answered.");
            }
            if (previous != null) {
                // counted here, once the next provider is really asked: a deadline that ends the job is no failover
                metrics.failover(previous, provider.name());
            }
            Optional<AnswerDraft> draft = ask(provider, request, stream);
            if (draft.isPresent()) {
                AnswerDraft answer = draft.get();
                return new ProviderAnswer(provider.name(), answer.model(), answer.response(), answer.commands());
            }
            previous = provider.name();
        }
        throw new NoProviderAnsweredException("No AI provider could answer (tried " + providers.size() + ").");
    }

    private Optional<AnswerDraft> ask(AnswerProvider provider, AnswerRequest request, AnswerStream stream) {
        ProviderCall call = metrics.start(provider.name());
        Optional<AnswerDraft> draft;
        try {
            draft = provider.answer(request, text -> {
                call.chunk();
                stream.chunk(text);
            });
        } catch (RuntimeException e) {
            call.end(ProviderOutcome.of(e, call.streamed()));
            // one provider's outage must not fail the job while another can still answer
            log.warn("provider {} failed, asking the next one: {}", provider.name(), e.toString());
            if (call.streamed()) {
                // the client saw part of an answer that will not be finished: say so before the next one starts
                stream.chunk("\n\n[" + provider.name() + " was interrupted; the answer restarts]\n\n");
            }
            return Optional.empty();
        }
        call.end(draft.isPresent() ? ProviderOutcome.SUCCESS : ProviderOutcome.DECLINED);
        return draft;
    }
}
