package io.wavebench.features.steps;

import io.cucumber.java.ParameterType;
import io.wavebench.fixtures.data.Money;
import io.wavebench.fixtures.scenario.TokenRefusal;

/** How amounts and refusal reasons are written in the features. */
public final class ParameterTypes {

    /** "1.50" → 150 minor units. */
    @ParameterType("\\d+\\.\\d{2}")
    public Long money(String amount) {
        return Money.minorUnits(amount);
    }

    /** A refusal reason as DESIGN §5.1 names it, e.g. "replay", "forged token". */
    @ParameterType("[a-z][a-z ]*[a-z]")
    public TokenRefusal reason(String description) {
        return TokenRefusal.named(description);
    }
}
