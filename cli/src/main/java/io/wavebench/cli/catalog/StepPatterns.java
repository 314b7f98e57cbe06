package io.wavebench.cli.catalog;

import java.util.ArrayList;
import java.util.List;

/** What a step pattern takes: the parameter types of a Cucumber expression, or the groups of a regular expression. */
final class StepPatterns {

    private StepPatterns() {}

    /** Cucumber's own rule (ExpressionFactory): anchored or slashed patterns are regular expressions. */
    static boolean isRegex(String pattern) {
        return pattern.startsWith("^") || pattern.endsWith("$") || (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/"));
    }

    /** {@code {int}}, {@code {money}}, {@code {}} for a Cucumber expression; each capturing group for a regex. */
    static List<String> parameterTypes(String pattern) {
        List<String> types = new ArrayList<>();
        if (isRegex(pattern)) {
            boolean inClass = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    if (c == ']') inClass = false;
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(' && capturing(pattern, i)) {
                    types.add(pattern.substring(i, closing(pattern, i) + 1));
                }
            }
        } else {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    int end = pattern.indexOf('}', i);
                    if (end < 0) break;
                    types.add(pattern.substring(i, end + 1));
                    i = end;
                }
            }
        }
        return types;
    }

    /** A group that captures: not {@code (?:…)} nor a look-around; a named group {@code (?<name>…)} does. */
    private static boolean capturing(String pattern, int open) {
        if (!pattern.startsWith("?", open + 1)) return true;
        return pattern.startsWith("?<", open + 1) && !pattern.startsWith("?<=", open + 1) && !pattern.startsWith("?<!", open + 1);
    }

    private static int closing(String pattern, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == ']') inClass = false;
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return pattern.length() - 1;
    }
}
