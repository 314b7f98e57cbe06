package io.wavebench.features.layerfixture;

import io.wavebench.simulators.vmc.VmcState;

/** A step that reaches a simulator past fixtures: what the layering test must refuse (LayersTest). */
public final class SkippingStep {

    public boolean idle(Object state) {
        return state == VmcState.READY;
    }
}
