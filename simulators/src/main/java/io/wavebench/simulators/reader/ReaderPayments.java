package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.AudioOut;
import io.wavebench.drivers.codes.BarcodeCheck;
import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.sound.Heard;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundReceiver;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.token.ChallengeFrames;
import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.ReaderChallenges;
import io.wavebench.simulators.token.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reference reader's payment side: what it hears and what it tells the vending machine
 * ({@link ReferenceReader} composes it with the camera, the kiosk function and the uplink). It
 * knows only what it demodulates from its microphone: a capture thread feeds every sample the
 * {@link AudioIn} gives into a streaming receiver for each sound protocol it listens for (DESIGN
 * §4: wavebench's modem in one or more profiles, or another protocol such as ggwave), and each
 * decoded token goes once through the offline rules of DESIGN §5.1, each payment code heard in a
 * protocol that carries codes to the reader's online verification (§5.2). Towards the vending
 * machine it is MDB cashless device #1 on its serial port, with its durable journal.
 *
 * <p>A refused token is shown on the VMC's display (MDB DISPLAY REQUEST) with its reason code,
 * so a scenario sees why on the bus, as it would with a real reader.
 */
public final class ReaderPayments implements Startable {

    /**
     * The same message decoded by receivers of two modes within this long is one sound heard
     * twice, taken once. A sound played again later is a replay, refused by the rules (09).
     */
    static final Duration SAME_SOUND_WITHIN = Duration.ofSeconds(2);

    private final String readerId;
    private final AudioIn microphone;
    /** The sound protocols and modes listened for (DESIGN §4); empty with no microphone. */
    private final List<Listening> listensFor;
    /** The rate the receivers are made for; 0: the microphone's, once it is open. */
    private final float sampleRate;
    private final MdbTransport mdb;
    private final Clock clock;
    private final MdbTrace trace = new MdbTrace();
    private final PaymentAcceptor acceptor;
    private final CashlessPeripheral cashless;
    private final AuthorizationJournal journal;
    private final ReaderSync sync;
    private final ReaderLog log;
    private final List<byte[]> decodedFrames = new ArrayList<>();
    /** The last message taken, by which protocol and mode and when: another mode's copy of it is dropped. */
    private byte[] lastTaken;
    private String lastTakenBy;
    private long lastTakenNanos;
    /** Where a one-time payment code heard in a code-carrying protocol goes (verified online), or null. */
    private volatile Consumer<String> paymentCodes;
    private PeripheralPort port;
    private PeripheralServer server;
    private Thread listening;
    private volatile boolean running;
    /** Two-way mode (DESIGN §5.1): null while the reader sounds no challenges. */
    private volatile ChallengeResponder challenger;
    /** A session paid by a code verified online (a barcode, DESIGN §5.2), or null: see {@link OnlineSession}. */
    private volatile OnlineSession online;

    public ReaderPayments(String readerId, AudioIn microphone, AcousticModem modem, MdbTransport mdb,
            TokenVerifier verifier, Clock clock, long maxSessionFunds) {
        this(readerId, microphone, modem, mdb, verifier, clock, maxSessionFunds, new InMemoryAuthorizationJournal());
    }

    /**
     * @param microphone where payments are heard; null (with {@code modem} null) for a reader whose
     *     payments arrive through {@link #heard(byte[])} only, as in the MDB soak
     * @param journal where approvals are made durable before VEND APPROVED goes out (DESIGN §5.1);
     *     the reader recovers from it on {@link #start()} and closes it on {@link #close()}
     */
    public ReaderPayments(String readerId, AudioIn microphone, AcousticModem modem, MdbTransport mdb,
            TokenVerifier verifier, Clock clock, long maxSessionFunds, AuthorizationJournal journal) {
        this(readerId, microphone, modem == null ? List.of() : List.of(Listening.wavebench(List.of(modem.profile()))),
                modem == null ? 0 : modem.sampleRate(), mdb, verifier, clock, maxSessionFunds, journal, new ReaderLog(readerId));
    }

    /**
     * @param listening  the sound protocols and their modes the reader listens for, all heard at
     *     once from the same samples; empty with no microphone
     * @param sampleRate the rate the receivers are made for; 0 for the microphone's own
     * @param log        the reader's log, shared with the rest of the reader
     */
    ReaderPayments(String readerId, AudioIn microphone, List<Listening> listening, float sampleRate, MdbTransport mdb,
            TokenVerifier verifier, Clock clock, long maxSessionFunds, AuthorizationJournal journal, ReaderLog log) {
        if ((microphone == null) != listening.isEmpty()) {
            throw new IllegalArgumentException("reader " + readerId + ": a microphone needs a sound protocol to listen for, and a sound protocol a microphone");
        }
        this.journal = journal;
        this.readerId = readerId;
        this.microphone = microphone;
        this.listensFor = List.copyOf(listening);
        this.sampleRate = sampleRate;
        this.mdb = mdb;
        this.clock = clock;
        this.log = log;
        Consumer<ReaderEvent> record = this::record;
        this.sync = new ReaderSync(readerId, journal, clock);
        this.acceptor = new PaymentAcceptor(verifier, new OfflineSpend(), journal, clock, maxSessionFunds, record);
        this.cashless = new CashlessPeripheral(this::authorize, new BookVends());
    }

    public String readerId() {
        return readerId;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        try {
            acceptor.recover(); // before the bus: nothing is approved on a state the journal contradicts
            mdb.open();
            port = new PeripheralPort(mdb, CashlessCommand.CASHLESS_1, trace);
            server = new PeripheralServer(port, cashless);
            server.start();
            running = true;
            if (microphone == null) return;
            microphone.open();
        } catch (RuntimeException e) {
            // What opened closes again, the journal too: a reader that did not start holds nothing.
            running = true;
            try {
                close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        listening = new Thread(this::listen, "reader-" + readerId + "-microphone");
        listening.setDaemon(true);
        listening.start();
        record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.LISTENING, microphone.mixerName() + " for "
                + listensFor.stream().map(Listening::toString).toList(), null));
    }

    private float receiverRate() {
        return sampleRate > 0 ? sampleRate : microphone.format().getSampleRate();
    }

    /** The capture loop: samples in, messages out, every protocol's receiver fed the same samples. */
    private void listen() {
        List<SoundReceiver> receivers = new ArrayList<>();
        float rate = receiverRate();
        for (Listening l : listensFor) receivers.add(l.protocol().receiver(l.modes(), rate, heard -> onHeard(heard, l.protocol())));
        // 10 ms blocks: small enough to keep decode latency low, at the microphone's own rate.
        float[] block = new float[Math.max(1, Math.round(microphone.format().getSampleRate() / 100))];
        while (running) {
            int n = microphone.read(block);
            if (n < 0) return;
            for (SoundReceiver r : receivers) r.accept(block, 0, n);
        }
    }

    private void onHeard(Heard message, SoundProtocol protocol) {
        byte[] payload = message.payload();
        String heardIn = message.protocol() + " " + message.mode();
        synchronized (this) {
            long now = System.nanoTime();
            if (lastTaken != null && !heardIn.equals(lastTakenBy) && Arrays.equals(lastTaken, payload) && now - lastTakenNanos < SAME_SOUND_WITHIN.toNanos()) {
                // DESIGN §5.1: each frame goes through the rules once. Two modes' receivers that
                // both made this message out of one sound heard one payment, not a replay.
                record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "the same " + payload.length + "-byte frame again, from the "
                        + heardIn + " receiver: one sound, taken once", null));
                return;
            }
            lastTaken = payload.clone();
            lastTakenBy = heardIn;
            lastTakenNanos = now;
            decodedFrames.add(payload.clone());
        }
        record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.FRAME_DECODED, payload.length + " bytes (" + heardIn + ")"
                + (message.corrections() < 0 ? "" : ", " + message.corrections() + " corrected"), null));
        if (protocol.carries() == SoundProtocol.Carries.PAYMENT_CODE) {
            paymentCodeHeard(payload, heardIn);
            return;
        }
        if (ChallengeFrames.challengeOf(payload).isPresent()) {
            // On a bench the reader's speaker and microphone share one air: it hears its own
            // challenges (and a neighbour reader's). A CHALLENGE is a reader's frame, never a
            // payment: ignored, never refused on the display.
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a CHALLENGE frame (a reader's voice, not a payment)", null));
            return;
        }
        ChallengeResponder voice = challenger;
        if (ChallengeFrames.isHello(payload)) {
            // A HELLO is wavebench's two-way frame: answered in the profile it was heard in.
            if (voice != null) voice.answerHello(AcousticModem.of(ModemProfile.fromCliName(message.mode()), receiverRate()));
            else record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a phone's HELLO, but this reader sounds no challenges", null));
            return;
        }
        heard(payload);
    }

    /**
     * A message heard in a protocol that carries one-time payment codes (DESIGN §5.2): verified
     * online as a barcode is, if it is one; anything else is ignored, never taken for a token.
     */
    private void paymentCodeHeard(byte[] payload, String heardIn) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        var notACode = BarcodeCheck.PAYMENT_CODE.refuse(text);
        if (notACode.isPresent()) {
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a " + heardIn + " message that is not a payment code: " + notACode.get(), null));
            return;
        }
        Consumer<String> codes = paymentCodes;
        if (codes == null) {
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a payment code heard in " + heardIn + ", but this reader verifies no codes online", null));
            return;
        }
        codes.accept(text);
    }

    /** Where payment codes heard in a code-carrying protocol go: the reader's online verification. */
    void onPaymentCode(Consumer<String> verifyOnline) {
        paymentCodes = verifyOnline;
    }

    /**
     * Two-way mode (DESIGN §5.1): from now on the reader answers a phone's HELLO with a challenge
     * sounded through {@code speaker}, and a token's challenge must be one it sounded (with
     * {@code challenges.required()}, one-way tokens are refused). The speaker is closed with the reader.
     */
    public void soundChallenges(AudioOut speaker, ReaderChallenges challenges) {
        if (listensFor.stream().noneMatch(l -> SoundProtocols.DEFAULT.equals(l.protocol().name()))) {
            throw new IllegalStateException("reader " + readerId + ": two-way mode needs wavebench's modem, and it listens for " + listensFor);
        }
        acceptor.useChallenges(challenges);
        ChallengeResponder previous = challenger;
        challenger = new ChallengeResponder(readerId, speaker, challenges, clock, this::record);
        if (previous != null) previous.close();
    }

    /** A payment heard (or, in tests, handed over): the offline rules, then a session or a refusal. */
    void heard(byte[] payload) {
        if (cashless.state() != CashlessState.ENABLED) {
            // MDB 4.2 §7: only an enabled reader with no session may start one; a disabled
            // reader (or one already in a session) ignores payments.
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "reader is " + cashless.state(), null));
            return;
        }
        PaymentAcceptor.Heard heard = acceptor.heard(payload);
        if (!heard.accepted()) {
            show(new ReaderMessage.Refused(heard.reason()));
            return;
        }
        if (cashless.beginSession(heard.funds())) {
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.SESSION_REQUESTED, "funds " + heard.funds(), null));
        }
    }

    /**
     * Begins a session whose funds the backend holds (a barcode read by {@link CodeReader});
     * its vends are booked through {@code session}, not the offline rules. False when the reader
     * cannot begin one now (not enabled, or already in a session).
     */
    boolean beginOnlineSession(long funds, OnlineSession session) {
        if (cashless.state() != CashlessState.ENABLED) return false;
        online = session;
        if (cashless.beginSession(funds)) return true;
        online = null;
        return false;
    }

    /**
     * Tells the shopper on the VMC's display (MDB 4.2 §7.4.4 DISPLAY REQUEST, on the next POLL),
     * as {@link #heard} does for a refused token; recorded in the log either way.
     *
     * @return false when the VMC has not set the reader up yet or has no display
     */
    boolean show(ReaderMessage message) {
        boolean shown = cashless.display(message.text());
        record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.DISPLAYED, "'" + message.text() + "'" + (shown ? "" : " (not shown: the VMC has no display set up)"), null));
        return shown;
    }

    /** Whether this reader is in a state to take a payment now (MDB 4.2 §7: enabled, no session). */
    boolean takesPayments() {
        return cashless.state() == CashlessState.ENABLED;
    }

    private VendDecision authorize(VendRequest request) {
        OnlineSession o = online;
        if (o != null) return o.authorize(request);
        PaymentAcceptor.VendAnswer answer = acceptor.authorizeVend(request.priceMinorUnits(), request.item());
        if (answer.approved()) return VendDecision.approve(answer.amount());
        if (answer.reason() != null) show(new ReaderMessage.Refused(answer.reason()));
        return VendDecision.deny(answer.detail());
    }

    /** Books what the VMC did with each approval (DESIGN §5.3). */
    private final class BookVends implements CashlessListener {
        @Override
        public void onApprovalGoingOut(VendRequest request, long amount) {
            acceptor.approvalGoingOut();
        }

        @Override
        public void onVendSuccess(int item, long amount) {
            OnlineSession o = online;
            if (o != null) { o.vendSucceeded(item, amount); return; }
            acceptor.vendSucceeded(item, VendOutcome.SOLD);
        }

        @Override
        public void onResetAfterApproval(VendRequest request, long amount) {
            OnlineSession o = online;
            if (o != null) { o.vendSucceeded(request.item(), amount); return; }
            acceptor.vendSucceeded(request.item(), VendOutcome.SOLD_ON_RESET); // MDB 4.2 §7.4.7: counts as a sale
        }

        @Override
        public void onVendFailure(VendRequest request, long amount) {
            OnlineSession o = online;
            if (o != null) { o.vendFailed(); return; }
            acceptor.vendFailed(VendOutcome.VOIDED); // void the authorization: the shopper is refunded
        }

        @Override
        public void onApprovalNotDelivered(VendRequest request, long amount) {
            OnlineSession o = online;
            if (o != null) { o.vendFailed(); return; }
            acceptor.vendFailed(VendOutcome.NOT_DELIVERED);
        }

        @Override
        public void onSessionComplete() {
            OnlineSession o = online;
            online = null;
            if (o != null) { o.sessionComplete(); return; }
            acceptor.sessionComplete();
        }
    }

    /** How long a session may stay idle before the reader gives it up (SESSION CANCEL REQUEST). */
    public ReaderPayments sessionTimeout(Duration timeout) {
        cashless.sessionTimeout(timeout);
        return this;
    }

    /**
     * Misbehaves once on the bus (a named fault of the reader's link layer, see
     * {@link PeripheralPort#inject}). Only while started.
     */
    public void inject(MdbFault fault) {
        PeripheralPort p;
        synchronized (this) {
            p = port;
        }
        if (p == null) throw new IllegalStateException("reader " + readerId + ": inject(" + fault + ") before start()");
        p.inject(fault);
    }

    /** The journal of approvals and their outcomes (DESIGN §5.1), for {@code @needs:reader-internals}. */
    public AuthorizationJournal journal() {
        return journal;
    }

    /**
     * Syncs with the backend now (DESIGN §5.6): uploads the journal beyond the last upload, pulls
     * and applies the revocations issued since the last sync.
     *
     * @return the number of revocations applied
     * @throws io.wavebench.simulators.backend.BackendException when the backend refuses or is unreachable
     */
    public int syncWith(BackendClient backend) {
        ReaderSync.Result result = sync.sync(backend);
        acceptor.synced(result);
        return result.revocations().size();
    }

    /** Why the reader's bus loop ended on its own (e.g. its cable was unplugged), if it did. */
    public Optional<RuntimeException> busFailure() {
        PeripheralServer s;
        synchronized (this) {
            s = server;
        }
        return s == null ? Optional.empty() : s.failure();
    }

    public CashlessState cashlessState() {
        return cashless.state();
    }

    /** Waits until the cashless state machine reaches {@code target}; throws naming its history. */
    public void cashlessStateAwait(CashlessState target, Duration timeout) {
        cashless.awaitState(target, timeout);
    }

    /** The reader's side of the bus, for evidence. */
    public MdbTrace trace() {
        return trace;
    }

    /** Every frame the modem handed over since start, in order (what the air gave this reader). */
    public synchronized List<byte[]> decodedFrames() {
        return decodedFrames.stream().map(byte[]::clone).toList();
    }

    /** The reader's log (shared with the rest of the reader when it is part of a {@link ReferenceReader}). */
    public List<ReaderEvent> events() {
        return log.all();
    }

    ReaderLog log() {
        return log;
    }

    /** The open microphone's sample rate; empty with no microphone. */
    public Optional<Float> microphoneRate() {
        return microphone == null ? Optional.empty() : Optional.of(microphone.format().getSampleRate());
    }

    /** The sound protocols and modes it listens for. */
    public List<Listening> listening() {
        return listensFor;
    }

    private void record(ReaderEvent event) {
        // The reader's log: a refusal's reason code goes there as well as onto the bus (DESIGN §5.1).
        log.add(event);
    }

    @Override
    public synchronized void close() {
        if (!running) return;
        running = false;
        if (microphone != null) microphone.close(); // unblocks the capture read (DESIGN §7)
        if (challenger != null) challenger.close();
        if (server != null) server.close();
        mdb.close();
        journal.close(); // after the bus thread: nothing writes to it any more
        if (listening == null) return;
        try {
            listening.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
