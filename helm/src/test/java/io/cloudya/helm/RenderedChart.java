package io.cloudya.helm;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.Yaml;

/** The chart rendered by the real Helm engine (helm-java), parsed into one map per manifest. */
record RenderedChart(List<Map<String, Object>> manifests) {

    static final Path CHART = Path.of("cloudya");

    static RenderedChart render(String... setValues) {
        var template = new Helm(CHART).template().withName("cloudya");
        for (String value : setValues) {
            String[] keyValue = value.split("=", 2);
            template = template.set(keyValue[0], keyValue[1]);
        }
        String yaml = template.call();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> docs = StreamSupport.stream(new Yaml().loadAll(yaml).spliterator(), false)
                .filter(Objects::nonNull)
                .map(doc -> (Map<String, Object>) doc)
                .toList();
        return new RenderedChart(docs);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    /** The one manifest of this kind and {@code metadata.name}; fails if there is none. */
    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(m -> name.equals(at(m, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key))
                    : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }
}
