package io.cloudya.aiworker.provider;

import io.cloudya.contracts.ai.ProposedCommand;
import java.util.List;

/** An answer together with the provider that actually produced it. */
public record ProviderAnswer(String provider, String model, String response, List<ProposedCommand> commands) {
}
