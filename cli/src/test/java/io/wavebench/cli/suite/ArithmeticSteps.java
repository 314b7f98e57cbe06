package io.wavebench.cli.suite;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.features.steps.ScenarioRig;

/** Glue of the run command's own test suite (RunCommandTest). */
public final class ArithmeticSteps {

    private final ScenarioRig rig;
    private int number;

    public ArithmeticSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    @Given("the number {int}")
    public void theNumber(int n) {
        number = n;
    }

    @When("{int} is added")
    public void isAdded(int n) {
        number += n;
    }

    @Then("the number is {int}")
    public void theNumberIs(int expected) {
        if (number != expected) throw new AssertionError("expected " + expected + ", have " + number);
    }

    /** Fails where the run's first try writes its report, passes in the rerun's folder: a FLAKY scenario on demand. */
    @Then("it fails on the first try only")
    public void failsOnTheFirstTryOnly() {
        String dir = System.getProperty("wavebench.report.dir", "");
        if (!dir.endsWith("/rerun")) throw new AssertionError("first try (report folder " + dir + ")");
    }

    @Given("the rig is assembled")
    public void theRigIsAssembled() {
        rig.session();
    }
}
