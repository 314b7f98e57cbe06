package io.wavebench.cli.catalog.ambiguous;

import io.cucumber.java.en.Given;

/** Test-only glue: with {@link TonesSteps}, two patterns that both match "the reader hears 3 tones". */
public class ToneCountSteps {

    @Given("the reader hears {int} tone(s)")
    public void toneCount(int count) {}
}
