package io.cloudya.command.history;

import java.util.List;

/** One page of the caller's history, newest first; {@code total} counts all of the caller's commands. */
public record CommandPage(List<CommandView> items, int page, int size, long total) {
}
