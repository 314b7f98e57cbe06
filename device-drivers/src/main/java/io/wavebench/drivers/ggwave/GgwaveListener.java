package io.wavebench.drivers.ggwave;

/** Called by a {@link GgwaveReceiver}, on the thread that fed it samples, for each message decoded. */
@FunctionalInterface
public interface GgwaveListener {
    void onMessage(GgwaveMessage message);
}
