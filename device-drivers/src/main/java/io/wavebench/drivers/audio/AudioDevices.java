package io.wavebench.drivers.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * What {@code wavebench devices} shows: every mixer AudioSystem knows — sound cards and the
 * loopback cables alike — with whether it can play and capture, so a rig file's mixer name can
 * be checked before a run (DESIGN §3 preflight).
 */
public final class AudioDevices {

    /** One mixer as AudioSystem describes it. */
    public record AudioDevice(String name, String vendor, String description, boolean canPlay, boolean canCapture) {}

    private AudioDevices() {}

    public static List<AudioDevice> list() {
        List<AudioDevice> devices = new ArrayList<>();
        for (Mixer.Info info : MixerLookup.mixerInfos()) {
            Mixer mixer = MixerLookup.mixer(info);
            devices.add(new AudioDevice(info.getName(), info.getVendor(), info.getDescription(),
                mixer.isLineSupported(new Line.Info(SourceDataLine.class)),
                mixer.isLineSupported(new Line.Info(TargetDataLine.class))));
        }
        return devices;
    }
}
