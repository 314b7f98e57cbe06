package io.wavebench.features.layerfixture;

import io.wavebench.fixtures.rig.RigSession;

/** A step that holds the assembled rig and fetches its devices from it, as a service locator: LayersTest's rules must refuse it. */
public final class LocatorStep {

    private final RigSession rig;

    public LocatorStep(RigSession rig) {
        this.rig = rig;
    }

    public String readerId() {
        return rig.readerId();
    }
}
