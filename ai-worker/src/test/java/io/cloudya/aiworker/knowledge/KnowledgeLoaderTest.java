package io.cloudya.aiworker.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryFileOfAPatternInFileNameOrder() throws IOException {
        write("02-second.yml", "kb-1", "b");
        write("01-first.yml", "kb-1", "a");

        var knowledge = KnowledgeLoader.load(dir.toUri() + "*.yml");

        assertThat(knowledge.model()).isEqualTo("kb-1");
        assertThat(knowledge.entries()).extracting(KnowledgeEntry::id).containsExactly("a", "b");
        assertThat(knowledge.topics()).containsExactly("Topic a", "Topic b");
    }

    @Test
    void shouldStillReadASingleFileLocation() throws IOException {
        write("kb.yml", "kb-1", "a");

        assertThat(KnowledgeLoader.load(dir.resolve("kb.yml").toUri().toString()).size()).isEqualTo(1);
    }

    @Test
    void shouldRefuseFilesNamingDifferentModels() throws IOException {
        write("01-first.yml", "kb-1", "a");
        write("02-second.yml", "kb-2", "b");

        assertThatThrownBy(() -> KnowledgeLoader.load(dir.toUri() + "*.yml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kb-2");
    }

    @Test
    void shouldRefuseAnIdUsedInTwoFiles() throws IOException {
        write("01-first.yml", "kb-1", "same");
        write("02-second.yml", "kb-1", "same");

        assertThatThrownBy(() -> KnowledgeLoader.load(dir.toUri() + "*.yml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("same");
    }

    @Test
    void shouldRefuseALocationWithNoFile() {
        assertThatThrownBy(() -> KnowledgeLoader.load(dir.toUri() + "*.yml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No knowledge file");
    }

    private void write(String name, String model, String id) throws IOException {
        Files.writeString(dir.resolve(name), """
                model: %s
                entries:
                  - {id: %s, topic: Topic %s, keywords: [x], intent: i, command: ls, explanation: e, risk: safe}
                """.formatted(model, id, id));
    }
}
