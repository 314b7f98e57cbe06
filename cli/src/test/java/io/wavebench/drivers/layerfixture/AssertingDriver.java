package io.wavebench.drivers.layerfixture;

import org.junit.jupiter.api.Assertions;

/** A driver that asserts with JUnit: what the layering test must refuse (LayersTest). */
public final class AssertingDriver {

    public void open(boolean ok) {
        Assertions.assertTrue(ok);
    }
}
