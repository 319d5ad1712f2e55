package io.cloudya.aiworker.knowledge;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Splits text into normalised terms so that "pods" and "pod", "processes" and "process" meet. */
final class Terms {

    private Terms() {
    }

    static Set<String> of(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                .filter(term -> !term.isEmpty())
                .map(Terms::normalise)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A crude plural folding: enough for a keyword table, no dictionary needed (Lucene comes later). */
    static String normalise(String term) {
        if (term.length() <= 3) {
            return term;
        }
        if (term.endsWith("ies")) {
            return term.substring(0, term.length() - 3) + "y";
        }
        if (term.endsWith("sses")) {
            return term.substring(0, term.length() - 2);
        }
        if (term.endsWith("ss") || term.endsWith("us") || term.endsWith("is")) {
            return term;
        }
        return term.endsWith("s") ? term.substring(0, term.length() - 1) : term;
    }
}
