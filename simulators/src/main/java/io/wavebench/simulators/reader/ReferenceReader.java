package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.AudioOut;
import io.wavebench.drivers.escpos.ReceiptPrinter;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.ocr.TextRecognizer;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.reader.card.CardPhotoReader;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.token.ReaderChallenges;
import io.wavebench.simulators.token.TokenVerifier;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reference reader: one device, built by one {@link Builder}, run in-process on the simulated
 * rig or as its own OS process ({@link ReaderMain}) on a bench, and reached only through what a
 * real reader has (DESIGN §1, §3). Its parts, each optional but the log:
 * <ul>
 *   <li><b>payments</b> ({@link ReaderPayments}): a microphone and a receiver for each modem
 *       profile it listens for, the offline rules (DESIGN §5.1), MDB cashless #1 towards the
 *       vending machine (DESIGN §5.3), the durable journal; with a speaker, two-way mode;</li>
 *   <li><b>camera</b> ({@link ReaderCamera}): one frame loop for payment QR codes (the same rules
 *       as sound), payment barcodes (verified online), ticket codes (the kiosk function) and card
 *       photos (read, checked and tokenized at the backend, DESIGN §5.4);</li>
 *   <li><b>kiosk</b> ({@link TicketDesk}): a ticket printer on a serial port (DESIGN §5.5);</li>
 *   <li><b>uplink</b> ({@link Uplink}): the backend on a URL, synced every {@code syncEvery} while
 *       it can be reached, quietly offline while not.</li>
 * </ul>
 * Everything it tells a shopper at a vending machine goes on the machine's display over MDB
 * ({@link ReaderMessage}); a kiosk's refusals go to the backend.
 */
public final class ReferenceReader implements Startable {

    private final String readerId;
    private final Clock clock;
    private final ReaderLog log;
    private final ReaderPayments payments;
    private final Uplink uplink;
    private final TicketDesk kiosk;
    private final OnlineBarcodes barcodes;
    private final ReaderCamera camera;
    private final CardDesk cards;
    private final boolean ocrAtStart;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final AudioOut speaker;
    private final TwoWay twoWay;
    private final Duration challengeLifetime;
    private boolean running;

    private ReferenceReader(Builder b) {
        this.readerId = b.readerId;
        this.clock = b.clock;
        this.log = new ReaderLog(b.readerId);
        this.speaker = b.speaker;
        this.twoWay = b.twoWay;
        this.challengeLifetime = b.challengeLifetime;
        this.ocrAtStart = b.ocrAtStart;
        this.uplink = b.backend == null ? null : new Uplink(b.readerId, b.backend, b.syncEvery, b.clock, log);
        if (b.mdb != null) {
            TokenVerifier verifier = new TokenVerifier(b.issuerKeys, b.clock, b.skewAllowance, b.tokenFreshness);
            payments = new ReaderPayments(b.readerId, b.microphone, b.microphone == null ? List.of() : List.copyOf(b.listening), b.sampleRate,
                    b.mdb, verifier, b.clock, b.maxSessionFunds, b.journal, log)
                    .sessionTimeout(b.sessionTimeout);
            if (uplink != null) uplink.onSync(payments::syncWith);
        } else {
            payments = null;
        }
        kiosk = b.printer == null ? null : new TicketDesk(b.kiosk, b.printer, uplink, b.clock, log);
        if (kiosk != null && uplink != null) uplink.onSync(kiosk::sync);
        // Payment codes are verified online whether the camera read them or the microphone heard them (DESIGN §5.2).
        boolean hearsCodes = b.microphone != null && b.listening.stream().anyMatch(l -> l.protocol().carries() == SoundProtocol.Carries.PAYMENT_CODE);
        barcodes = payments == null || (b.camera == null && !hearsCodes) ? null : new OnlineBarcodes(b.readerId, payments, uplink, b.clock, b.maxSessionFunds, log);
        if (barcodes != null && hearsCodes) payments.onPaymentCode(barcodes::read);
        cards = b.camera == null || b.ocr == null || payments == null ? null : new CardDesk(b.readerId, b.ocr, uplink, b.clock, log, payments::show,
                b.stillCamera ? 0 : CardPhotoReader.MIN_MOTION);
        camera = b.camera == null ? null : new ReaderCamera(b.readerId, b.camera, b.clock, log,
                payments == null ? null : payments::heard, kiosk == null ? null : kiosk::present, barcodes == null ? null : barcodes::read, cards);
    }

    public static Builder builder(String readerId) {
        return new Builder(readerId);
    }

    public String readerId() {
        return readerId;
    }

    /**
     * Powers up: the journal recovered and MDB answered first (DESIGN §5.1: nothing is approved on
     * a state the journal contradicts), then the OCR engine, the printer, the camera and the uplink.
     * Whatever started is closed again if a later part fails.
     */
    @Override
    public synchronized void start() {
        if (running) return;
        try {
            if (payments != null) {
                started.push(payments);
                payments.start();
                if (speaker != null && twoWay != TwoWay.OFF) twoWay(speaker, twoWay, challengeLifetime);
            }
            if (cards != null) {
                started.push(cards);
                if (ocrAtStart) cards.open();
            }
            if (kiosk != null) {
                started.push(kiosk);
                kiosk.open();
            }
            if (barcodes != null) started.push(barcodes);
            if (camera != null) {
                started.push(camera);
                camera.start();
            }
            if (uplink != null) {
                started.push(uplink);
                uplink.start();
            }
            running = true;
        } catch (RuntimeException e) {
            closeStarted(e);
            throw e;
        }
    }

    /**
     * Two-way mode from now on (DESIGN §5.1): a phone's HELLO is answered with a challenge sounded
     * through {@code voice} (opened now, closed with the reader); with {@link TwoWay#REQUIRE} a token
     * must answer one.
     */
    public void twoWay(AudioOut voice, TwoWay mode, Duration lifetime) {
        if (payments == null) throw new IllegalStateException("reader " + readerId + ": two-way mode is a payment function, and this reader has no MDB");
        if (mode == TwoWay.OFF) throw new IllegalArgumentException("reader " + readerId + ": two-way mode OFF is no challenge to sound");
        payments.soundChallenges(voice, new ReaderChallenges(clock, lifetime, new SecureRandom(), mode == TwoWay.REQUIRE));
    }

    /** The payment side's insides ({@code @needs:reader-internals}): journal, log, faults on the bus. Empty for a kiosk with no MDB. */
    public Optional<ReaderPayments> payments() {
        return Optional.ofNullable(payments);
    }

    /** The reader's log, every part's events in order. */
    public List<ReaderEvent> events() {
        return log.all();
    }

    /** The events from index {@code from} on: what a console printing the log has not shown yet. */
    public List<ReaderEvent> eventsSince(int from) {
        return log.since(from);
    }

    /**
     * Syncs now, as the uplink does every {@code syncEvery} (journal, revocations, kiosk reports).
     *
     * @return whether the backend was reached
     * @throws IllegalStateException for a reader with no uplink
     */
    public boolean syncNow() {
        if (uplink == null) throw new IllegalStateException("reader " + readerId + " has no uplink (no backend URL)");
        return uplink.syncNow();
    }

    /** Whether its last attempt reached the backend (false with no uplink). */
    public boolean online() {
        return uplink != null && uplink.online();
    }

    /** Why the bus loop ended on its own, if it did (no MDB: never). */
    public Optional<RuntimeException> busFailure() {
        return payments == null ? Optional.empty() : payments.busFailure();
    }

    /** One line about the camera for evidence and failure messages; empty with no camera. */
    public Optional<String> cameraSummary() {
        return camera == null ? Optional.empty() : Optional.of(camera.summary());
    }

    /** The last frame the camera kept (never one of a card photo, DESIGN §5.4); empty with no camera or before its first. */
    public Optional<Frame> lastCameraFrame() {
        return camera == null ? Optional.empty() : Optional.ofNullable(camera.lastFrame());
    }

    /** What the kiosk's own screen said, oldest first (its log and evidence, not an observation a scenario may make). */
    public List<String> kioskScreen() {
        return kiosk == null ? List.of() : kiosk.screen();
    }

    /** Reports the kiosk function still holds for the backend (redemptions, refusals). */
    public int pendingKioskReports() {
        return kiosk == null ? 0 : kiosk.pendingReports();
    }

    @Override
    public synchronized void close() {
        if (!running && started.isEmpty()) return;
        running = false;
        closeStarted(null);
    }

    private void closeStarted(RuntimeException pending) {
        // Reverse order: the uplink and the camera stop before what they feed.
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (pending != null) pending.addSuppressed(e);
                else log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "closing: " + e, null));
            }
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (payments != null) parts.add("MDB cashless #1" + (payments.listening().isEmpty() ? "" : ", hearing " + payments.listening()));
        if (camera != null) parts.add("camera");
        if (kiosk != null) parts.add("kiosk " + kiosk.kioskId());
        if (uplink != null) parts.add("uplink every " + uplink.every().toMillis() + " ms");
        return "ReferenceReader[" + readerId + ": " + String.join(", ", parts) + "]";
    }

    /**
     * Builds a reader from the parts it is given. Only the parts given are there: no microphone, no
     * hearing; no MDB transport, no payments (a kiosk); no camera, no codes or cards; no printer,
     * no kiosk function; no backend, no uplink.
     */
    public static final class Builder {
        private final String readerId;
        private Clock clock = Clock.systemUTC();
        private AudioIn microphone;
        private float sampleRate;
        private final List<Listening> listening = new ArrayList<>();
        private MdbTransport mdb;
        private AuthorizationJournal journal;
        private Map<Integer, PublicKey> issuerKeys = Map.of();
        private Duration skewAllowance = ReaderPolicy.CLOCK_SKEW_ALLOWANCE;
        private Duration tokenFreshness = ReaderPolicy.TOKEN_FRESHNESS;
        private long maxSessionFunds = ReaderPolicy.MAX_SESSION_FUNDS;
        private Duration sessionTimeout = CashlessPeripheral.DEFAULT_SESSION_TIMEOUT;
        private AudioOut speaker;
        private TwoWay twoWay = TwoWay.OFF;
        private Duration challengeLifetime = ReaderPolicy.CHALLENGE_LIFETIME;
        private Camera camera;
        private Supplier<TextRecognizer> ocr;
        private boolean ocrAtStart;
        private boolean stillCamera;
        private ReceiptPrinter printer;
        private KioskSettings kiosk;
        private BackendClient backend;
        private Duration syncEvery = ReaderPolicy.SYNC_EVERY;

        private Builder(String readerId) {
            if (readerId == null || !readerId.matches("[A-Za-z0-9._-]{1,64}")) throw new IllegalArgumentException("reader id must be 1 to 64 of A-Z a-z 0-9 . _ -, got '" + readerId + "'");
            this.readerId = readerId;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Hears payments on {@code mic} in each of {@code listenFor}, all at once from the same samples, at the microphone's rate. */
        public Builder microphone(AudioIn mic, List<ModemProfile> listenFor) {
            return microphone(mic, listenFor, 0);
        }

        /**
         * As {@link #microphone(AudioIn, List)}, the receivers made for {@code sampleRate}: for a
         * microphone that learns its format only when it opens (the shared air of another process).
         */
        public Builder microphone(AudioIn mic, List<ModemProfile> listenFor, float sampleRate) {
            if (listenFor.isEmpty()) throw new IllegalArgumentException("reader " + readerId + ": a microphone needs a modem profile to listen for");
            return listening(mic, List.of(Listening.wavebench(List.copyOf(new LinkedHashSet<>(listenFor)))), sampleRate);
        }

        /**
         * Hears payments on {@code mic} in each of {@code listenFor} — sound protocols and their
         * modes, all at once from the same samples — with receivers made for {@code sampleRate}
         * (0: the microphone's own).
         */
        public Builder listening(AudioIn mic, List<Listening> listenFor, float sampleRate) {
            if (listenFor.isEmpty()) throw new IllegalArgumentException("reader " + readerId + ": a microphone needs a sound protocol to listen for");
            this.microphone = mic;
            this.sampleRate = sampleRate;
            this.listening.clear();
            this.listening.addAll(listenFor);
            return this;
        }

        /** MDB cashless #1 on this transport (the reader opens and closes it), with its journal. */
        public Builder mdb(MdbTransport transport, AuthorizationJournal journal) {
            this.mdb = transport;
            this.journal = journal;
            return this;
        }

        /** The issuer keys tokens are verified against (DESIGN §5.1), by key id. */
        public Builder issuerKeys(Map<Integer, PublicKey> keys) {
            this.issuerKeys = Map.copyOf(keys);
            return this;
        }

        /** The clock check (DESIGN §5.1): the skew allowed between reader and phone, and how old a token may be. */
        public Builder clockCheck(Duration skew, Duration freshness) {
            this.skewAllowance = skew;
            this.tokenFreshness = freshness;
            return this;
        }

        public Builder maxSessionFunds(long minorUnits) {
            this.maxSessionFunds = minorUnits;
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = timeout;
            return this;
        }

        /** Two-way mode through this speaker (opened by the reader, closed with it). */
        public Builder speaker(AudioOut out, TwoWay mode, Duration challengeLifetime) {
            this.speaker = out;
            this.twoWay = mode;
            this.challengeLifetime = challengeLifetime;
            return this;
        }

        /**
         * The code camera; with {@code ocr} (an OCR engine made and started when the reader starts,
         * closed with it) it also reads card photos; null for none. Cards are bound at a vending
         * machine: a reader with no MDB reads none.
         */
        public Builder camera(Camera cam, Supplier<TextRecognizer> ocr) {
            this.camera = cam;
            this.ocr = ocr;
            return this;
        }

        /**
         * Whether the OCR engine starts at power-up (a device: the first card is read as fast as the
         * next) or at the first card in view (a rig that starts a reader per scenario, few of which
         * see a card). Default: at the first card.
         */
        public Builder ocrAtStart(boolean atStart) {
            this.ocrAtStart = atStart;
            return this;
        }

        /**
         * The camera sees a picture that does not move between frames (an X display's pixels of a
         * window shown still): the card reading then takes two frames' agreement without the hand's
         * motion between them, which such a camera cannot give (DESIGN §5.4). Default: a camera in
         * front of a hand-held phone, whose frames must differ by the card's motion to agree.
         */
        public Builder stillCamera(boolean still) {
            this.stillCamera = still;
            return this;
        }

        /** The kiosk function: tickets printed on this printer (opened on start, closed with the reader). */
        public Builder kiosk(ReceiptPrinter ticketPrinter, KioskSettings settings) {
            this.printer = ticketPrinter;
            this.kiosk = settings;
            return this;
        }

        /** The uplink: the backend this client reaches, synced every {@code every} while reachable. */
        public Builder uplink(BackendClient client, Duration every) {
            this.backend = client;
            this.syncEvery = every;
            return this;
        }

        public ReferenceReader build() {
            if (mdb == null && printer == null) {
                throw new IllegalStateException("reader " + readerId + ": neither MDB (a vending machine) nor a ticket printer (a kiosk): it would do nothing");
            }
            if (mdb != null && journal == null) journal = new InMemoryAuthorizationJournal();
            if (mdb != null && issuerKeys.isEmpty()) throw new IllegalStateException("reader " + readerId + ": payments need at least one issuer key (DESIGN §5.1)");
            if (microphone != null && mdb == null) throw new IllegalStateException("reader " + readerId + ": a microphone with no MDB: nowhere to take a payment");
            if (speaker != null && microphone == null) throw new IllegalStateException("reader " + readerId + ": two-way mode with no microphone to hear the phone's HELLO");
            return new ReferenceReader(this);
        }
    }
}
