package io.cloudya.aiworker.provider;

/** Every provider declined or failed: the job fails with code {@code no_provider}. */
public class NoProviderAnsweredException extends RuntimeException {

    public NoProviderAnsweredException(String message) {
        super(message);
    }
}
