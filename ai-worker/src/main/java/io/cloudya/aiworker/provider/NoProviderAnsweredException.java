package io.cloudya.aiworker.provider;

/**
 * Every provider declined or failed: the job fails with {@code no_provider}, or with {@code deadline_passed} when the
 * job's deadline is what ended the failover.
 */
public class NoProviderAnsweredException extends RuntimeException {

    public NoProviderAnsweredException(String message) {
        super(message);
    }
}
