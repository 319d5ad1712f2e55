package io.cloudya.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedOffsetsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheProcessedPositionFromKafkaConnectsFileFormat() throws IOException {
        HashMap<byte[], byte[]> offsets = new HashMap<>();
        offsets.put(bytes("[\"cloudya_command-outbox\",{\"server\":\"cloudya_command\"}]"),
                bytes("{\"lsn_proc\":88203936,\"lsn_commit\":88203900,\"lsn\":88203900,\"txId\":767}"));

        assertThat(SavedOffsets.position(write(offsets))).contains(new WalPosition(88203936L));
    }

    @Test
    void hasNoPositionWithoutAFile() throws IOException {
        assertThat(SavedOffsets.position(dir.resolve("absent.offsets"))).isEmpty();
    }

    @Test
    void refusesToDeserializeAnythingButAMapOfBytes() throws IOException {
        HashMap<byte[], Serializable> offsets = new HashMap<>();
        offsets.put(bytes("key"), new java.util.Date());

        assertThatThrownBy(() -> SavedOffsets.position(write(offsets))).isInstanceOf(IOException.class);
    }

    private Path write(Object offsets) throws IOException {
        Path file = dir.resolve("db.offsets");
        try (OutputStream out = Files.newOutputStream(file); ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(offsets);
        }
        return file;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
