package io.cloudya.command.answer;

import io.cloudya.contracts.ai.AiAnswerChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts one answer's chunks in sequence order (0, 1, 2, … as docs/events.md defines) and drops duplicates.
 * Chunks are ephemeral, so one may never come: once {@value #MAX_HELD} later chunks wait behind a gap, the gap
 * is skipped (the final result carries the whole text anyway). Not thread-safe: its sink serialises calls.
 */
final class ChunkSequencer {

    static final int MAX_HELD = 32;

    private final TreeMap<Integer, AiAnswerChunk> held = new TreeMap<>();
    private int next;

    /** The chunks that may be sent now, in order; empty for a duplicate or an early chunk. */
    List<AiAnswerChunk> accept(AiAnswerChunk chunk) {
        if (chunk.sequence() < next) {
            return List.of();
        }
        held.putIfAbsent(chunk.sequence(), chunk);
        if (!held.containsKey(next) && held.size() > MAX_HELD) {
            next = held.firstKey();
        }
        List<AiAnswerChunk> ready = new ArrayList<>();
        while (held.containsKey(next)) {
            ready.add(held.remove(next));
            next++;
        }
        return ready;
    }
}
