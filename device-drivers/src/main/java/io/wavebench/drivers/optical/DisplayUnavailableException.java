package io.wavebench.drivers.optical;

/**
 * A bench screen cannot be shown: the JVM is headless, there is no such display, or the display
 * cannot go full-screen. The message names the display asked for and what was found (DESIGN §3:
 * an INFRA-ERROR of the rig, found by preflight, not a product failure).
 */
public class DisplayUnavailableException extends RuntimeException {

    private final String displayId;

    public DisplayUnavailableException(String displayId, String message) {
        super("display '" + displayId + "': " + message);
        this.displayId = displayId;
    }

    /** The display as the rig named it. */
    public String displayId() {
        return displayId;
    }
}
