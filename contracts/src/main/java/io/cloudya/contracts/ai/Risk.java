package io.cloudya.contracts.ai;

import com.fasterxml.jackson.annotation.JsonValue;

/** Risk of a proposed command, as the CLI prints it. */
public enum Risk {
    SAFE, CAUTION, DANGEROUS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase();
    }
}
