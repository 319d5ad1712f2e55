package io.cloudya.aiworker.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a command line into the simple commands it really runs, so each can be judged on its own: compound
 * lines are cut ({@link ShellLexer}), substitutions and {@code sh -c}/{@code eval} scripts are split again, and
 * what only changes how a program starts ({@code sudo}, {@code env}, {@code FOO=1}, {@code xargs}, {@code nohup},
 * {@code timeout}, …) is peeled off so the program itself is judged. A path like {@code /bin/rm} reads as rm.
 */
public final class ShellSplitter {

    private static final int MAX_DEPTH = 8;
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    /** Programs that run the script given after {@code -c}. */
    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "su",
            "runuser");
    /** Wrappers, each with those of its options that take a value (the value is skipped with the option). */
    private static final Map<String, Set<String>> WRAPPERS = Map.ofEntries(
            Map.entry("sudo", Set.of("-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "--user", "--group")),
            Map.entry("doas", Set.of("-u", "-C")),
            Map.entry("env", Set.of("-u", "-C", "-S", "--unset", "--chdir")),
            Map.entry("xargs", Set.of("-n", "-I", "-P", "-L", "-s", "-d", "-E", "-a", "--max-args", "--delimiter")),
            Map.entry("nice", Set.of("-n", "--adjustment")),
            Map.entry("ionice", Set.of("-c", "-n", "-p")),
            Map.entry("timeout", Set.of("-s", "-k", "--signal", "--kill-after")),
            Map.entry("stdbuf", Set.of("-i", "-o", "-e")),
            Map.entry("watch", Set.of("-n", "-d", "--interval")),
            Map.entry("nohup", Set.of()), Map.entry("time", Set.of()), Map.entry("exec", Set.of("-a")),
            Map.entry("command", Set.of()), Map.entry("builtin", Set.of()), Map.entry("setsid", Set.of()));

    private ShellSplitter() {
    }

    public static List<String> split(String line) {
        List<String> commands = new ArrayList<>();
        split(line == null ? "" : line, 0, commands);
        return commands;
    }

    private static void split(String line, int depth, List<String> out) {
        if (depth > MAX_DEPTH) {
            out.add(line.trim());
            return;
        }
        ShellLexer.Lexed lexed = ShellLexer.lex(line);
        for (String segment : lexed.segments()) {
            unwrap(ShellWords.of(segment), depth, out);
        }
        for (String substitution : lexed.substitutions()) {
            split(substitution, depth + 1, out);
        }
    }

    private static void unwrap(List<String> words, int depth, List<String> out) {
        int start = 0;
        while (start < words.size()) {
            String word = words.get(start);
            String program = program(word);
            if (ASSIGNMENT.matcher(word).matches() || word.equals("(") || word.equals("{") || word.equals("!")) {
                start++;
            } else if (WRAPPERS.containsKey(program)) {
                start = skipWrapperOptions(words, start + 1, program);
            } else if (program.equals("eval")) {
                split(String.join(" ", words.subList(start + 1, words.size())), depth + 1, out);
                return;
            } else if (SHELLS.contains(program) && scriptIndex(words, start) > 0) {
                split(words.get(scriptIndex(words, start)), depth + 1, out);
                return;
            } else {
                break;
            }
        }
        if (start < words.size()) {
            List<String> command = new ArrayList<>(words.subList(start, words.size()));
            command.set(0, program(command.getFirst()));
            out.add(String.join(" ", command));
        }
    }

    /** Skips a wrapper's options and their values; {@code timeout} also takes a duration. */
    private static int skipWrapperOptions(List<String> words, int i, String wrapper) {
        Set<String> valueOptions = WRAPPERS.get(wrapper);
        while (i < words.size() && words.get(i).startsWith("-")) {
            i += valueOptions.contains(words.get(i)) ? 2 : 1;
        }
        return wrapper.equals("timeout") && i < words.size() ? i + 1 : i;
    }

    /** Where the script of {@code sh -c 'script'} is, or -1 when the shell runs a file or stdin. */
    private static int scriptIndex(List<String> words, int shell) {
        for (int i = shell + 1; i < words.size() - 1; i++) {
            String word = words.get(i);
            if (!word.startsWith("-")) {
                return -1;
            }
            if (word.matches("-[a-z]*c[a-z]*")) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String program(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 && slash < word.length() - 1 && !word.startsWith("./") ? word.substring(slash + 1) : word;
    }
}
