package io.wavebench.reports;

/**
 * A scenario's outcome (DESIGN §3). Cucumber knows only passed, failed and skipped; the other two
 * are told from what the run left: a failure whose error's first line carries
 * {@link #INFRA_ERROR_MARK} is the rig's (the preflight or the rig assembly found it broken), and a
 * failure whose rerun passed is FLAKY ({@link RunResult#withRerun}).
 */
public enum Outcome {
    PASS, FAIL, INFRA_ERROR, ABORTED, FLAKY,
    /**
     * The specification itself is wrong: a step with no definition, a pending one, or one two
     * definitions match. Nothing is known about the reader; running it again cannot help, so it
     * is never rerun.
     */
    SPEC_ERROR,
    /**
     * The run stopped (SIGTERM from a CI timeout, Ctrl-C) before this scenario finished: not an
     * outcome of the scenario but the absence of one, so a cut-short run never reads as passed.
     */
    NOT_RUN;

    /**
     * Put at the start of an exception's message by whatever finds the rig broken (fixtures'
     * {@code RigUnavailableException}); reports depend on nothing, so the mark is the contract.
     */
    public static final String INFRA_ERROR_MARK = "INFRA-ERROR:";

    public String label() {
        return name().replace('_', '-');
    }

    public boolean isFailure() {
        return this == FAIL || this == INFRA_ERROR || this == SPEC_ERROR || this == NOT_RUN;
    }

    /** From the worst Cucumber step status of a scenario. */
    static Outcome fromCucumber(String worstStepStatus) {
        return fromCucumber(worstStepStatus, null);
    }

    /** From the worst Cucumber step status of a scenario and its first error (a stack trace's first line names it). */
    static Outcome fromCucumber(String worstStepStatus, String error) {
        Outcome outcome = switch (worstStepStatus) {
            case "passed" -> PASS;
            // A scenario skipped by the rig (a @needs: capability it lacks) is ABORTED (DESIGN §3).
            case "skipped" -> ABORTED;
            // A step not written, pending or matched twice is a defect of the specification: it
            // fails the run, so a misspelt step can never pass CI unnoticed, and is not blamed on the reader.
            case "undefined", "pending", "ambiguous" -> SPEC_ERROR;
            default -> FAIL;
        };
        if (outcome == FAIL && error != null && error.lines().findFirst().orElse("").contains(INFRA_ERROR_MARK)) return INFRA_ERROR;
        return outcome;
    }
}
