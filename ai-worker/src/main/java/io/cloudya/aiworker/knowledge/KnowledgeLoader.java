package io.cloudya.aiworker.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Reads the knowledge table from every YAML file a location names: one file ({@code file:/etc/kb.yml}) or a
 * pattern ({@code classpath:knowledge/*.yml}), so each domain keeps its own file. Files are read in file-name
 * order because that order is the table's: the topics the no-match answer lists and the entry a retrieval tie
 * goes to. Every file names the same model and no id repeats; a table that is not one consistent version fails
 * the start instead of answering from a mix.
 */
public final class KnowledgeLoader {

    /** The table shipped in the jar: one file per domain, a numeric prefix fixing the order. */
    public static final String SHIPPED = "classpath:knowledge/*.yml";

    private KnowledgeLoader() {
    }

    public static KnowledgeBase load(String location) {
        return load(new PathMatchingResourcePatternResolver(), location);
    }

    public static KnowledgeBase load(ResourcePatternResolver resolver, String location) {
        String model = null;
        List<KnowledgeEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Resource resource : files(resolver, location)) {
            KnowledgeBase file = read(resource);
            if (file.model() == null || (model != null && !model.equals(file.model()))) {
                throw new IllegalStateException("Knowledge file " + resource.getFilename() + " names model "
                        + file.model() + " but the files before it name " + model);
            }
            model = file.model();
            for (KnowledgeEntry entry : file.entries()) {
                if (!ids.add(entry.id())) {
                    throw new IllegalStateException("Knowledge entry id " + entry.id() + " is used twice");
                }
                entries.add(entry);
            }
        }
        return new KnowledgeBase(model, entries);
    }

    private static List<Resource> files(ResourcePatternResolver resolver, String location) {
        try {
            List<Resource> files = Arrays.stream(resolver.getResources(location))
                    .filter(Resource::exists)
                    .sorted(Comparator.comparing(r -> Objects.requireNonNullElse(r.getFilename(), "")))
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalStateException("No knowledge file found at " + location);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnowledgeBase read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return KnowledgeBase.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read knowledge file " + resource.getFilename(), e);
        }
    }
}
