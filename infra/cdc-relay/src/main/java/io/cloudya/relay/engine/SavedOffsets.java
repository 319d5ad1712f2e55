package io.cloudya.relay.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the WAL position an engine's offsets file holds, as Kafka Connect's {@code FileOffsetBackingStore} wrote it:
 * a serialized map of byte arrays whose values are Debezium's offsets in JSON. Only a map of byte arrays is
 * deserialized, whatever the file holds.
 */
final class SavedOffsets {

    private static final ObjectInputFilter MAP_OF_BYTES = ObjectInputFilter.Config.createFilter(
            "java.util.HashMap;java.util.Map$Entry;[B;maxdepth=3;!*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SavedOffsets() {
    }

    /** @return the last position the engine processed, or empty when it saved none (or the file is absent) */
    static Optional<WalPosition> position(Path offsetsFile) throws IOException {
        if (!Files.exists(offsetsFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(offsetsFile); ObjectInputStream objects = new ObjectInputStream(in)) {
            objects.setObjectInputFilter(MAP_OF_BYTES);
            if (!(objects.readObject() instanceof Map<?, ?> offsets)) {
                throw new IOException("not an offsets file: " + offsetsFile);
            }
            return offsets.values().stream().map(SavedOffsets::processedLsn).flatMap(Optional::stream).findFirst();
        } catch (ClassNotFoundException | JacksonException | ClassCastException e) {
            throw new IOException("unreadable offsets file " + offsetsFile + ": " + e.getMessage(), e);
        }
    }

    private static Optional<WalPosition> processedLsn(Object value) {
        JsonNode offset = JSON.readTree((byte[]) value);
        JsonNode lsn = offset.path("lsn_proc").isNumber() ? offset.get("lsn_proc") : offset.path("lsn");
        return lsn.isNumber() ? Optional.of(new WalPosition(lsn.asLong())) : Optional.empty();
    }
}
