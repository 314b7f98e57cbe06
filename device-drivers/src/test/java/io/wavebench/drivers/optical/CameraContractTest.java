package io.wavebench.drivers.optical;

import io.wavebench.drivers.codes.QrCodes;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The {@link CameraContract} on the backings the test JVM can hold: the simulated camera looking
 * at the phone's simulated screen, bare and wearing {@link FaultyCamera} with no fault set. The
 * screen-capture backing needs an X display and runs it in a JVM of its own
 * ({@link ScreenCaptureCameraOnXvfbTest}), bare and decorated too.
 */
class CameraContractTest {

    @Test
    void a_simulated_camera_keeps_the_camera_contract() {
        byte[] token = OpticalBenchmark.randomToken(new Random(11));
        SimulatedScreen screen = new SimulatedScreen();
        screen.showCode(QrCodes.encode(token));
        CameraContract.check(new SimulatedCamera(screen, OpticalModel.typical().withSeed(11)), token);
    }

    @Test
    void a_faulty_camera_with_no_fault_set_keeps_the_camera_contract() {
        byte[] token = OpticalBenchmark.randomToken(new Random(12));
        SimulatedScreen screen = new SimulatedScreen();
        screen.showCode(QrCodes.encode(token));
        CameraContract.check(new FaultyCamera(new SimulatedCamera(screen, OpticalModel.typical().withSeed(12)), 1), token);
    }
}
