package io.cloudya.command.answer;

/** A parked answer: the {@code sink} the saga completes and the {@code response} the controller returns to MVC. */
public record OpenAnswer(AnswerSink sink, Object response) {
}
