package io.cloudya.aiworker.safety;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a shell line into the segments the shell would run one after another: at {@code ;}, newlines, {@code &&},
 * {@code ||}, {@code |}, {@code |&} and a background {@code &}, never inside quotes or after a backslash. Command
 * substitutions ({@code $(…)}, backticks, {@code <(…)}, {@code >(…)}) are cut out of their segment and returned
 * as separate lines, because the shell runs them too. Not a full shell parser: it errs towards more segments,
 * which can only make the verdict stricter.
 */
final class ShellLexer {

    /** The segments and the lines found inside substitutions (still to be split themselves). */
    record Lexed(List<String> segments, List<String> substitutions) {
    }

    private ShellLexer() {
    }

    static Lexed lex(String line) {
        List<String> segments = new ArrayList<>();
        List<String> substitutions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
            if (c == '\\' && !single && i + 1 < line.length()) {
                current.append(c).append(next);
                i += 2;
            } else if (c == '\'' && !dbl) {
                single = !single;
                current.append(c);
                i++;
            } else if (c == '"' && !single) {
                dbl = !dbl;
                current.append(c);
                i++;
            } else if (!single && (c == '$' || (!dbl && (c == '<' || c == '>'))) && next == '(') {
                int close = matchingParen(line, i + 1);
                substitutions.add(line.substring(i + 2, Math.max(i + 2, close)));
                current.append(" SUBST ");
                i = close + 1;
            } else if (!single && c == '`') {
                int close = line.indexOf('`', i + 1);
                close = close < 0 ? line.length() : close;
                substitutions.add(line.substring(i + 1, close));
                current.append(" SUBST ");
                i = close + 1;
            } else if (!single && !dbl && isSeparator(line, i)) {
                flush(current, segments);
                i += separatorLength(line, i);
            } else {
                current.append(c);
                i++;
            }
        }
        flush(current, segments);
        return new Lexed(segments, substitutions);
    }

    private static boolean isSeparator(String line, int i) {
        char c = line.charAt(i);
        if (c == ';' || c == '\n' || c == '|') {
            return true;
        }
        if (c != '&') {
            return false;
        }
        char previous = i > 0 ? line.charAt(i - 1) : '\0';
        char next = i + 1 < line.length() ? line.charAt(i + 1) : '\0';
        // 2>&1, &> and >& are redirections, not a background job
        return previous != '>' && previous != '<' && next != '>';
    }

    private static int separatorLength(String line, int i) {
        String two = line.substring(i, Math.min(line.length(), i + 2));
        return two.equals("&&") || two.equals("||") || two.equals("|&") || two.equals(";;") ? 2 : 1;
    }

    /** Index of the parenthesis closing the one at {@code open} (quotes respected), or the line's end. */
    private static int matchingParen(String line, int open) {
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && c == '(') {
                depth++;
            } else if (!single && !dbl && c == ')' && --depth == 0) {
                return i;
            }
        }
        return line.length();
    }

    private static void flush(StringBuilder current, List<String> segments) {
        String segment = current.toString().trim();
        if (!segment.isEmpty()) {
            segments.add(segment);
        }
        current.setLength(0);
    }
}
