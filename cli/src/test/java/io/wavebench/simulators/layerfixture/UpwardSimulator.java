package io.wavebench.simulators.layerfixture;

import io.wavebench.fixtures.evidence.Figure;

/** A simulator that reaches up into fixtures: what the layering test must refuse (LayersTest). */
public final class UpwardSimulator {

    public String figure() {
        return Figure.noted("answers", 1, "").valueText();
    }
}
