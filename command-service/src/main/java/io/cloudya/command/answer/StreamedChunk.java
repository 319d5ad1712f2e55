package io.cloudya.command.answer;

/** The data of one SSE {@code chunk} event: JSON, so newlines in the text cannot break the SSE framing. */
public record StreamedChunk(int sequence, String text) {
}
