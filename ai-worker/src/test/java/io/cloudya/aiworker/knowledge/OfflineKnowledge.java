package io.cloudya.aiworker.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped knowledge table, loaded the way the application loads it. */
final class OfflineKnowledge {

    private OfflineKnowledge() {
    }

    static KnowledgeBase shipped() {
        try (InputStream in = OfflineKnowledge.class.getResourceAsStream("/knowledge/offline-kb.yml")) {
            return KnowledgeBase.load(in, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
