package io.cloudya.command.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudya.contracts.ai.AiAnswerChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChunkSequencerTest {

    private static final UUID COMMAND = UUID.randomUUID();
    private final ChunkSequencer sequencer = new ChunkSequencer();

    @Test
    void shouldHoldEarlyChunkUntilItsPredecessorArrives() {
        assertThat(texts(sequencer.accept(chunk(1)))).isEmpty();
        assertThat(texts(sequencer.accept(chunk(0)))).containsExactly("t0", "t1");
        assertThat(texts(sequencer.accept(chunk(2)))).containsExactly("t2");
    }

    @Test
    void shouldDropDuplicatesWhetherSentOrHeld() {
        sequencer.accept(chunk(0));
        sequencer.accept(chunk(2));

        assertThat(sequencer.accept(chunk(0))).isEmpty();
        assertThat(sequencer.accept(chunk(2))).isEmpty();
        assertThat(texts(sequencer.accept(chunk(1)))).containsExactly("t1", "t2");
    }

    @Test
    void shouldSkipLostChunkOnceTooManyWaitBehindIt() {
        List<String> sent = new ArrayList<>();
        sent.addAll(texts(sequencer.accept(chunk(0))));
        for (int sequence = 2; sequence <= ChunkSequencer.MAX_HELD + 2; sequence++) {
            sent.addAll(texts(sequencer.accept(chunk(sequence))));
        }

        assertThat(sent).hasSize(ChunkSequencer.MAX_HELD + 2).doesNotContain("t1");
        assertThat(sent.get(1)).isEqualTo("t2");
        assertThat(sequencer.accept(chunk(1))).isEmpty();
    }

    private static AiAnswerChunk chunk(int sequence) {
        return new AiAnswerChunk(COMMAND, "u1", sequence, "t" + sequence);
    }

    private static List<String> texts(List<AiAnswerChunk> chunks) {
        return chunks.stream().map(AiAnswerChunk::text).toList();
    }
}
