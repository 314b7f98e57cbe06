package io.wavebench.drivers.audio;

/**
 * An audio link failed: the mixer is missing, the line is unavailable, or the line went away
 * while in use. The message names the mixer asked for and what was seen (DESIGN §3: such a
 * failure is an INFRA-ERROR of the rig, not a product failure).
 */
public class AudioLinkException extends RuntimeException {

    private final String mixerName;

    public AudioLinkException(String mixerName, String message, Throwable cause) {
        super("mixer '" + mixerName + "': " + message, cause);
        this.mixerName = mixerName;
    }

    /** The mixer name as it was asked for. */
    public String mixerName() {
        return mixerName;
    }
}
