package io.wavebench.simulators.reader;

import java.time.Duration;

/**
 * The reference reader's policy where nothing else is given — by its provisioning file, its
 * command line or a rig file — defined here once, so the reader, its process ({@link ReaderMain})
 * and a rig that provisions it hold a token to the same rules. A session's idle timeout is the
 * MDB peripheral's ({@code CashlessPeripheral.DEFAULT_SESSION_TIMEOUT}).
 */
public final class ReaderPolicy {

    /** DESIGN §5.1: the stated skew allowed between the reader's clock and a phone's. */
    public static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(120);
    /** DESIGN §5.1: payment codes refresh every minute, so a token is fresh for one. */
    public static final Duration TOKEN_FRESHNESS = Duration.ofSeconds(60);
    /** The reader's id, as settlement knows it, when none is given: a rig's one reader. */
    public static final String READER_ID = "sim-reader-1";
    /** The most a reader offers in one session, in minor units. */
    public static final long MAX_SESSION_FUNDS = 100_00;
    /** How often a reader that can reach its backend syncs (DESIGN §5.6). */
    public static final Duration SYNC_EVERY = Duration.ofSeconds(2);
    /** How long a sounded challenge may be answered (DESIGN §5.1, two-way mode). */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofSeconds(10);

    private ReaderPolicy() {}
}
