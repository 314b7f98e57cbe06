package io.wavebench.cli.catalog.catalogued;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Test-only glue for the catalogue reader: a documented step, an undocumented one, a regex, an unused one. */
public class CataloguedSteps {

    /**
     * Puts {@code count} coins in the test machine's tray.
     *
     * <p>A second paragraph, with a {@link CataloguedSteps link}.
     */
    @Given("a tray holding {int} coins of {string}")
    public void aTray(int count, String currency) {}

    @When("^the shopper takes (\\d+) coins? (?:quickly|slowly)$")
    public void theShopperTakes(int count) {}

    /** Never used by the test's feature. */
    @Then("the tray is empty")
    @When("the tray is emptied")
    public void theTrayIsEmpty() {}
}
