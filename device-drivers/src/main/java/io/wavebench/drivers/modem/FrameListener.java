package io.wavebench.drivers.modem;

/** Called by a streaming receiver, on the thread that fed it samples, for each frame decoded. */
@FunctionalInterface
public interface FrameListener {
    void onFrame(ReceivedFrame frame);
}
