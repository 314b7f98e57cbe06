package io.wavebench.cli.catalog;

import java.util.List;

/**
 * Two or more step definitions match one feature line: Cucumber would fail that step as AMBIGUOUS
 * in a run, so the catalogue refuses the glue. The message names the line and every definition.
 */
public final class AmbiguousStepsException extends RuntimeException {

    private final List<String> lines;

    AmbiguousStepsException(List<String> lines) {
        super(lines.size() + " feature line" + (lines.size() == 1 ? " matches" : "s match") + " more than one step definition:\n"
                + String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    /** One text per ambiguous line: {@code file.feature:LINE "text" matches "pattern" in location and "pattern" in location}. */
    public List<String> lines() {
        return lines;
    }
}
