package io.cloudya.contracts.command;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How the CLI wants the answer: commands proposed for review, an explanation, or commands to run. */
public enum ExecutionMode {
    SUGGEST("suggest"), EXPLAIN("explain"), EXECUTE("execute");

    private final String wireName;

    ExecutionMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ExecutionMode> fromWire(String value) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(value)).findFirst();
    }
}
