package io.wavebench.features.layerfixture;

import io.wavebench.fixtures.evidence.Figure;

/** A step that stays on fixtures: what the layering test must let pass (LayersTest). */
public final class ThinStep {

    public boolean over(Figure figure) {
        return figure.overItsLimit();
    }
}
