package io.cloudya.command.answer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How to buy tokens, as billing-service publishes it (issue 3: 1,000 tokens = 1 €). */
public record TopUpHint(String method, String path, @JsonProperty("tokens_per_euro") int tokensPerEuro) {

    public static final TopUpHint BILLING = new TopUpHint("POST", "/api/billing/topup", 1000);

    String sentence() {
        return "Buy more with " + method + " " + path + " (1,000 tokens = 1 €).";
    }
}
