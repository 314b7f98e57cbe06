package io.wavebench.reports;

/**
 * A scenario's outcome (DESIGN §3). This first report tells PASS, FAIL and ABORTED apart;
 * INFRA-ERROR and FLAKY need the rig preflight and reruns of issue 8.
 */
public enum Outcome {
    PASS, FAIL, INFRA_ERROR, ABORTED, FLAKY;

    public String label() {
        return name().replace('_', '-');
    }

    public boolean isFailure() {
        return this == FAIL || this == INFRA_ERROR;
    }

    /** From the worst Cucumber step status of a scenario. */
    static Outcome fromCucumber(String worstStepStatus) {
        return switch (worstStepStatus) {
            case "passed" -> PASS;
            case "skipped", "pending", "undefined", "ambiguous" -> ABORTED;
            default -> FAIL;
        };
    }
}
