package io.cloudya.aiworker.safety;

import io.cloudya.contracts.ai.Risk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The labelled commands of safety/corpus.csv: the label, a comma, then the command exactly as written. */
record SafetyCorpus(List<Labelled> commands) {

    record Labelled(Risk expected, String command) {
    }

    static SafetyCorpus shipped() {
        try (var in = new BufferedReader(new InputStreamReader(
                SafetyCorpus.class.getResourceAsStream("/safety/corpus.csv"), StandardCharsets.UTF_8))) {
            return new SafetyCorpus(in.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.equals("risk,command"))
                    .map(SafetyCorpus::parse)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Labelled parse(String line) {
        int comma = line.indexOf(',');
        return new Labelled(Risk.valueOf(line.substring(0, comma).toUpperCase(Locale.ROOT)),
                line.substring(comma + 1));
    }
}
