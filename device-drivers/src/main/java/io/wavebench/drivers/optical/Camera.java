package io.wavebench.drivers.optical;

/**
 * What the reader sees (DESIGN §3). The reader decodes only from these pixels. Backings:
 * {@link SimulatedCamera} (the phone's simulated screen through the optical model) and
 * {@link ScreenCaptureCamera} (an X display's pixels: the reference reader run as its own process
 * looks at the window wavebench shows the phone's page in). A real reader on a bench looks with
 * its own camera, inside the device under test, so wavebench never holds that one.
 */
public interface Camera {

    /** The next frame. */
    Frame capture();

    int width();

    int height();

    double framesPerSecond();
}
