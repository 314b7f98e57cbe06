package io.wavebench.cli.ambiguous;

import io.cucumber.java.en.Given;

/** Test-only glue: with {@link CoinSteps}, two patterns that both match "the tray holds 3 coins". */
public class CoinCountSteps {

    @Given("the tray holds {int} coin(s)")
    public void coinCount(int count) {}
}
