package io.wavebench.cli.ambiguous;

import io.cucumber.java.en.Given;

/** Test-only glue: with {@link CoinCountSteps}, two patterns that both match "the tray holds 3 coins". */
public class CoinSteps {

    @Given("the tray holds {int} coins")
    public void coins(int count) {}
}
