package io.cloudya.command;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads SSE lines ("event:x", "data:{…}", blank) into events, as a CLI would. */
public final class SseEvents {

    public record SseEvent(String name, String data) {
    }

    private final Iterator<String> lines;

    public SseEvents(Iterator<String> lines) {
        this.lines = lines;
    }

    /** The next event, or null when the stream has ended. */
    public SseEvent next() {
        String name = null;
        List<String> data = new ArrayList<>();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (name != null || !data.isEmpty()) {
                    return new SseEvent(name, String.join("\n", data));
                }
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.add(line.substring("data:".length()));
            }
        }
        return name == null && data.isEmpty() ? null : new SseEvent(name, String.join("\n", data));
    }
}
