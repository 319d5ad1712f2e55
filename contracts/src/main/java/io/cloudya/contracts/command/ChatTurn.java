package io.cloudya.contracts.command;

/** One earlier message of a chat conversation as the model sees it: {@code role} is {@code user} or {@code assistant}. */
public record ChatTurn(String role, String content) {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
}
