package io.wavebench.features.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.DeviceFaults;
import java.time.Duration;

/**
 * Faults on the reader's microphone and camera (DESIGN §3: a fault decorator wraps any backing,
 * real devices included). The outcome is read on the bus as always, by the machine's and the
 * codes' {@code Then} steps.
 *
 * <p>Assumes of the rig: a reader whose microphone and camera the rig built (the simulated reader,
 * on any backing of its devices); a process or hardware reader keeps them inside itself, and a
 * scenario that faults them is ABORTED there.
 */
public final class DeviceFaultSteps {

    private final DeviceFaults faults;
    private final Cursors cursors;

    public DeviceFaultSteps(DeviceFaults faults, Cursors cursors) {
        this.faults = faults;
        this.cursors = cursors;
    }

    /** From now, for this many seconds, the reader's microphone hears nothing (every sample zero). Nothing is awaited. */
    @Given("the reader's microphone drops out for the next {int} s")
    public void theMicrophoneDropsOut(int seconds) {
        faults.microphoneDropsOut(Duration.ofSeconds(seconds));
    }

    /** The reader's microphone hears again, every fault on it cleared; later steps look from here. */
    @When("the reader's microphone works again")
    public void theMicrophoneWorksAgain() {
        cursors.fromHere("the reader's microphone works again");
        faults.microphoneWorksAgain();
    }

    /** From now the reader's camera drops this share of its frames (seeded), taking the next one instead. Nothing is awaited. */
    @Given("the reader's camera drops {int} % of its frames")
    public void theCameraDropsFrames(int percent) {
        faults.cameraDropsFrames(percent / 100.0);
    }

    /** From now every frame of the reader's camera is black (a covered lens). Nothing is awaited. */
    @Given("the reader's camera sees only black")
    public void theCameraSeesOnlyBlack() {
        faults.cameraSeesOnlyBlack();
    }

    /** The reader's camera sees again, every fault on it cleared; later steps look from here. */
    @When("the reader's camera works again")
    public void theCameraWorksAgain() {
        cursors.fromHere("the reader's camera works again");
        faults.cameraWorksAgain();
    }
}
