package io.wavebench.drivers.optical;

/**
 * What the reader sees (DESIGN §3). The reader decodes only from these pixels. The one backing in
 * wavebench is {@link SimulatedCamera}: on a bench rig the camera is the real reader's own, inside
 * the device under test, so wavebench never holds it.
 */
public interface Camera {

    /** The next frame. */
    Frame capture();

    int width();

    int height();

    double framesPerSecond();
}
