package io.cloudya.aiworker.provider;

import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIServiceException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Which failures are worth another attempt at the same provider: a rate limit (429) or a server error (5xx),
 * whatever SDK reported it. Timeouts and broken streams are not retried: the next provider is a better bet.
 */
public final class RetryableFailures {

    private RetryableFailures() {
    }

    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamInterruptedException) {
                return false;
            }
            int status = status(t);
            if (status == 429 || status >= 500) {
                return true;
            }
            if (t instanceof TransientAiException) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status a provider's SDK reported, or 0 when {@code t} carries none. */
    static int status(Throwable t) {
        return switch (t) {
            case OpenAIServiceException e -> e.statusCode();
            case AnthropicServiceException e -> e.statusCode();
            case WebClientResponseException e -> e.getStatusCode().value();
            case RestClientResponseException e -> e.getStatusCode().value();
            default -> 0;
        };
    }
}
