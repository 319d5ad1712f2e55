package io.cloudya.aiworker.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A slot in a command template: {@code pattern} (a regex, case-insensitive; the first non-empty group is the
 * value) finds it in the question, {@code format} renders a found value ({@code {value}}), {@code default}
 * is used as is when the question does not say.
 */
public record TemplateParameter(String name, String pattern, String format,
                                @JsonProperty("default") String defaultValue) {

    public TemplateParameter {
        format = format == null ? "{value}" : format;
        defaultValue = defaultValue == null ? "" : defaultValue;
    }
}
