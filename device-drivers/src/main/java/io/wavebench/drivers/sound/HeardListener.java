package io.wavebench.drivers.sound;

/** Called by a {@link SoundReceiver}, on the thread that fed it samples, for each message decoded. */
@FunctionalInterface
public interface HeardListener {
    void onHeard(Heard message);
}
