package io.cloudya.token.plans;

import java.math.BigDecimal;
import java.util.List;

/** One row of the plan table: price per month, tokens granted per period, words per answer (the reservation cap). */
public record Plan(BigDecimal price, long monthlyTokens, int wordsPerAnswer, List<String> features) {

    public Plan {
        if (monthlyTokens < 0 || wordsPerAnswer <= 0) {
            throw new IllegalArgumentException("a plan needs monthly-tokens >= 0 and words-per-answer > 0");
        }
        features = features == null ? List.of() : List.copyOf(features);
    }
}
