package io.wavebench.simulators.token;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reader's side of two-way mode (DESIGN §5.1, the optional {@code readerChallenge}): the
 * reader sounds an 8-byte random challenge, the phone signs it into its token, and the reader
 * accepts that token only if the challenge is one it issued, within its lifetime, and not used
 * before. A token recorded or pre-computed elsewhere cannot carry it, so two-way mode stops relays
 * and pre-played recordings that freshness alone lets through for a minute.
 *
 * <p>Each challenge is single use: {@link #redeem} forgets it whether or not the rest of the rules
 * then pass. Only a bounded number are outstanding; the oldest is dropped first.
 */
public final class ReaderChallenges {

    /** How many challenges may be outstanding at once (shoppers asking at the same time). */
    static final int OUTSTANDING = 16;

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random;
    private final boolean required;
    private final Map<String, Instant> outstanding = new LinkedHashMap<>();

    /**
     * @param lifetime how long a sounded challenge may be answered
     * @param required whether one-way tokens (no challenge) are refused: a reader in two-way only mode
     */
    public ReaderChallenges(Clock clock, Duration lifetime, SecureRandom random, boolean required) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** A fresh challenge to sound, remembered until it is answered or expires. */
    public synchronized byte[] issue() {
        byte[] challenge = new byte[PaymentToken.CHALLENGE_BYTES];
        random.nextBytes(challenge);
        dropExpired();
        while (outstanding.size() >= OUTSTANDING) {
            Iterator<String> oldest = outstanding.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        outstanding.put(HexFormat.of().formatHex(challenge), clock.instant().plus(lifetime));
        return challenge;
    }

    /**
     * Checks a token's challenge against the outstanding ones and uses it up.
     *
     * @return null when the token may go on to the next rule, else why it may not
     */
    public synchronized String redeem(PaymentToken token) {
        byte[] challenge = token.readerChallenge();
        if (challenge == null) return required ? "this reader requires a two-way token answering its challenge" : null;
        dropExpired();
        String key = HexFormat.of().formatHex(challenge);
        Instant until = outstanding.remove(key);
        if (until == null) return "challenge " + key + " is not one this reader sounded, or was already answered or expired";
        return null;
    }

    /** Challenges sounded and not yet answered or expired. */
    public synchronized int outstanding() {
        dropExpired();
        return outstanding.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        outstanding.values().removeIf(until -> until.isBefore(now));
    }
}
