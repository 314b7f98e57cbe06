package io.wavebench.drivers.modem;

import java.util.Locale;

/**
 * The acoustic modem's profiles (DESIGN §4): the same framing for all, different bands and rates.
 */
public enum ModemProfile {
    /** Audible, survives noise and echo. */
    ROBUST,
    /** Audible, for quiet places. */
    FAST,
    /** ≈17.5–20.5 kHz at 48 kHz sampling, for unobtrusive payments. */
    ULTRASONIC;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModemProfile fromCliName(String name) {
        for (ModemProfile p : values()) if (p.cliName().equalsIgnoreCase(name)) return p;
        throw new IllegalArgumentException("unknown modem profile '" + name + "'; known: robust, fast, ultrasonic");
    }
}
