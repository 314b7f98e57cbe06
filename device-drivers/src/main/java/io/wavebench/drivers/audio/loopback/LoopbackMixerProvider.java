package io.wavebench.drivers.audio.loopback;

import javax.sound.sampled.Mixer;
import javax.sound.sampled.spi.MixerProvider;

/**
 * Makes the loopback cables visible to {@code AudioSystem} as mixers {@code wavebench loopback 1}
 * … {@code 4}, so programs written against javax.sound run unchanged on a CI machine with no
 * sound card (DESIGN §3, §7). Registered in
 * {@code META-INF/services/javax.sound.sampled.spi.MixerProvider}.
 *
 * <p>AudioSystem instantiates providers anew on every call, so this class holds nothing: the
 * mixers are singletons in {@link LoopbackCables}.
 *
 * <p><b>Thread context class loader.</b> AudioSystem finds providers with {@code ServiceLoader}
 * through the calling thread's context class loader. A thread whose context loader cannot see
 * this jar (some pool threads, plugin hosts, a context loader set to the platform loader) sees no
 * loopback mixers at all. {@code io.wavebench.drivers.audio.MixerLookup} — used by the JavaSound
 * links and {@code AudioDevices} — works around it by looking mixers up with this library's loader
 * as context loader; code calling {@code AudioSystem} directly from such a thread must do the
 * same.
 */
public final class LoopbackMixerProvider extends MixerProvider {

    @Override
    public Mixer.Info[] getMixerInfo() {
        return LoopbackCables.mixerInfos();
    }

    @Override
    public Mixer getMixer(Mixer.Info info) {
        for (LoopbackCable cable : LoopbackCables.all()) {
            // Mixer.Info.equals is identity: only our own singletons match.
            if (cable.mixer().getMixerInfo().equals(info)) return cable.mixer();
        }
        throw new IllegalArgumentException("not a wavebench loopback mixer: " + info);
    }
}
