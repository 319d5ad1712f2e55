package io.cloudya.aiworker.safety;

import java.util.ArrayList;
import java.util.List;

/** Splits one segment into words the way the shell would, quotes removed ({@code "rm" '-rf' \/} reads rm -rf /). */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> of(String segment) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\' && !single && i + 1 < segment.length()) {
                word.append(segment.charAt(++i));
                inWord = true;
            } else if (c == '\'' && !dbl) {
                single = !single;
                inWord = true;
            } else if (c == '"' && !single) {
                dbl = !dbl;
                inWord = true;
            } else if (Character.isWhitespace(c) && !single && !dbl) {
                if (inWord) {
                    words.add(word.toString());
                }
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
