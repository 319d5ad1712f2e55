package io.cloudya.kafka;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** Formats the KRaft log directory once; a directory that already has meta.properties keeps its data. */
final class StorageFormatter {

    private StorageFormatter() {
    }

    /** @return true if the directory was formatted now, false if it already was */
    static boolean formatIfNeeded(Path serverProperties, Path logDir, PrintStream log) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return false;
        }
        String clusterId = Uuid.randomUuid().toString();
        String[] args = {"format", "-t", clusterId, "-c", serverProperties.toString()};
        // StorageTool.execute returns the exit code instead of calling System.exit as its main does.
        int exitCode = StorageTool.execute(args, log);
        if (exitCode != 0) {
            throw new IllegalStateException("kafka-storage format failed with exit code " + exitCode);
        }
        return true;
    }
}
