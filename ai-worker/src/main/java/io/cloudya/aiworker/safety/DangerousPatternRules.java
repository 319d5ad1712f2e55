package io.cloudya.aiworker.safety;

import io.cloudya.contracts.ai.Risk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The rules of safety/rules.yml, compiled: {@code dangerous} rules (any match wins) and the ordered
 * {@code recoverable} rules (first match gives caution or safe). Loaded from the classpath only, so neither a
 * prompt nor a configuration property can switch them off.
 */
public final class DangerousPatternRules {

    private static final String RESOURCE = "/safety/rules.yml";

    private record File(List<SafetyRule> dangerous, List<SafetyRule> recoverable) {
    }

    private record Compiled(SafetyRule rule, Pattern pattern) {
    }

    private final List<Compiled> dangerous;
    private final List<Compiled> recoverable;

    private DangerousPatternRules(File file) {
        this.dangerous = file.dangerous().stream().map(r -> compile(r.withRisk(Risk.DANGEROUS))).toList();
        this.recoverable = file.recoverable().stream().map(r -> compile(r.withRisk(Risk.CAUTION))).toList();
    }

    public static DangerousPatternRules shipped() {
        try (InputStream in = DangerousPatternRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            var mapper = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            return new DangerousPatternRules(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dangerous rule the whole line matches (download piped into a shell, fork bomb, …), if any. */
    Optional<SafetyRule> dangerousLine(String line) {
        return first(dangerous, SafetyRule.Scope.LINE, line);
    }

    /** The verdict on one simple command: dangerous, else the first recoverable rule, else unknown (caution). */
    SafetyVerdict judge(String command) {
        return first(dangerous, SafetyRule.Scope.COMMAND, command)
                .or(() -> first(recoverable, SafetyRule.Scope.COMMAND, command))
                .map(rule -> new SafetyVerdict(rule.risk(), rule.reason(), rule.id(), command))
                .orElseGet(() -> new SafetyVerdict(Risk.CAUTION,
                        "Not a command the safety rules know; read it before running it.", "unknown", command));
    }

    private static Optional<SafetyRule> first(List<Compiled> rules, SafetyRule.Scope scope, String text) {
        return rules.stream()
                .filter(c -> c.rule().scope() == scope && c.pattern().matcher(text).find())
                .map(Compiled::rule)
                .findFirst();
    }

    private static Compiled compile(SafetyRule rule) {
        return new Compiled(rule, Pattern.compile(rule.pattern(), Pattern.CASE_INSENSITIVE));
    }
}
