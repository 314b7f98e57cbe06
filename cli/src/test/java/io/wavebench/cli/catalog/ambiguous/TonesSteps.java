package io.wavebench.cli.catalog.ambiguous;

import io.cucumber.java.en.Given;

/** Test-only glue: with {@link ToneCountSteps}, two patterns that both match "the reader hears 3 tones". */
public class TonesSteps {

    @Given("the reader hears {int} tones")
    public void tones(int count) {}
}
