package io.wavebench.simulators.reader;

import java.util.Locale;

/**
 * Two-way mode (DESIGN §5.1): whether the reader answers a phone's HELLO with a challenge through
 * its speaker, and whether it then refuses tokens that answer none.
 */
public enum TwoWay {
    /** No challenges: one-way tokens only. */
    OFF,
    /** Challenges for phones that ask; one-way tokens are still taken. */
    OFFER,
    /** Challenges for phones that ask; a token must answer one (one-way tokens refused, code 0B). */
    REQUIRE;

    public static TwoWay parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("two-way mode must be off, offer or require, got '" + name + "'");
        }
    }
}
