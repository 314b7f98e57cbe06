package io.wavebench.cli.suite;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.features.steps.SideBySide;
import io.wavebench.fixtures.scenario.ScenarioRig;
import io.wavebench.reports.EvidenceNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Glue of the run command's own test suite (RunCommandTest). */
public final class ArithmeticSteps {

    /** The most scenarios the steps below saw running at once, over the whole run (RunCommandTest reads it). */
    private static final AtomicInteger PEAK_SEEN = new AtomicInteger();

    private final ScenarioRig rig;
    private final SideBySide sideBySide;
    private int number;

    /** The most scenarios seen side by side since the last {@link #forgetPeakSeen()}. */
    public static int peakSeen() {
        return PEAK_SEEN.get();
    }

    public static void forgetPeakSeen() {
        PEAK_SEEN.set(0);
    }

    public ArithmeticSteps(ScenarioRig rig, SideBySide sideBySide) {
        this.rig = rig;
        this.sideBySide = sideBySide;
    }

    /**
     * Makes scenarios overlap when they can, so a @timing scenario that was not kept alone would
     * see company: waits until another runs beside this one, at most a moment, and never fails
     * (two scenarios may well not overlap, e.g. while the @timing one holds the machine). What it
     * saw is recorded ({@link #peakSeen()}), so the run's test can tell whether any did overlap.
     */
    @Given("another scenario has had a moment to start beside this one")
    public void anotherHasHadAMoment() {
        try {
            Awaitility.await("another scenario beside this one").atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(5)).until(() -> sideBySide.peak() >= 2);
        } catch (ConditionTimeoutException alone) {
            // ran alone: the peak recorded below says so
        }
        PEAK_SEEN.accumulateAndGet(sideBySide.peak(), Math::max);
    }

    @Then("no other scenario ran while this one did")
    public void noOtherScenarioRan() {
        if (sideBySide.peak() != 1) throw new AssertionError(sideBySide.peak() + " scenarios ran at once with this @timing one");
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

    /**
     * Stands for a scenario that takes time on the rig (a purchase over the air takes seconds),
     * so a test can stop a run while scenarios are still to come. Nothing is awaited but time.
     */
    @Given("a scenario that takes {int} ms")
    public void aScenarioThatTakes(int millis) {
        Awaitility.await("a scenario's " + millis + " ms").pollDelay(Duration.ofMillis(millis))
                .atMost(Duration.ofMillis(millis + 5_000L)).until(() -> true);
    }

    private io.cucumber.java.Scenario scenario;

    @io.cucumber.java.Before
    public void remember(io.cucumber.java.Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Leaves what the rig saw in the scenario's evidence folder, as the features' After hook does
     * for a scenario that did not pass, then fails: the console must show those lines.
     */
    @Then("the rig saw {string} and the scenario fails")
    public void theRigSawAndTheScenarioFails(String saw) throws IOException {
        Path evidence = Path.of(System.getProperty("wavebench.report.dir"), "evidence",
                EvidenceNames.slug(scenario.getUri().toString(), scenario.getLine(), scenario.getName()));
        Files.createDirectories(evidence);
        Files.writeString(evidence.resolve("rig-saw.txt"), saw.replace("; ", "\n") + "\n");
        throw new AssertionError("the reader sends BEGIN SESSION: not seen within 10000 ms");
    }

    @Given("the rig is assembled")
    public void theRigIsAssembled() {
        rig.assemble();
    }
}
