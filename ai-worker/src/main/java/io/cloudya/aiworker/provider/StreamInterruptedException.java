package io.cloudya.aiworker.provider;

/** A provider stopped mid-answer (timeout, broken stream, cut connection): not retried, the next provider is asked. */
public class StreamInterruptedException extends RuntimeException {

    public StreamInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
