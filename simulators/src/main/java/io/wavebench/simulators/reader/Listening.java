package io.wavebench.simulators.reader;

import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import java.util.List;

/**
 * What a reader listens for (DESIGN §4): a sound protocol and the modes of it heard at once from
 * the same samples — wavebench's robust, fast and ultrasonic profiles, or ggwave's speeds.
 */
public record Listening(SoundProtocol protocol, List<String> modes) {

    public Listening {
        if (modes.isEmpty()) throw new IllegalArgumentException("listening for " + protocol.name() + " needs at least one of its modes: " + protocol.modes());
        modes = modes.stream().map(protocol::mode).distinct().toList();
    }

    /** wavebench's own modem in these profiles. */
    public static Listening wavebench(List<ModemProfile> profiles) {
        return new Listening(SoundProtocols.named(SoundProtocols.DEFAULT), profiles.stream().map(ModemProfile::cliName).toList());
    }

    /** "wavebench robust+fast". */
    @Override
    public String toString() {
        return protocol.name() + " " + String.join("+", modes);
    }
}
