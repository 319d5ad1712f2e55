package io.cloudya.command.answer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 402 body: an ApiError (status, code, message) plus the balance, the worst case asked for, and how to top up. */
public record InsufficientTokensError(
        int status, String code, String message, long balance, long requested, String plan,
        @JsonProperty("top_up") TopUpHint topUp) {
}
