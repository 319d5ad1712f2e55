package io.cloudya.token.api;

import java.util.List;

/** One page of the caller's ledger, newest first; {@code total} counts all of the caller's entries. */
public record HistoryPage(List<EntryView> items, int page, int size, long total) {
}
