package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ReceivedFrame;
import io.wavebench.drivers.modem.StreamingReceiver;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.reader.journal.AuthorizationJournal;
import io.wavebench.simulators.reader.journal.InMemoryAuthorizationJournal;
import io.wavebench.simulators.reader.journal.VendOutcome;
import io.wavebench.simulators.reader.mdb.CashlessListener;
import io.wavebench.simulators.reader.mdb.CashlessPeripheral;
import io.wavebench.simulators.reader.mdb.CashlessState;
import io.wavebench.simulators.reader.mdb.PeripheralServer;
import io.wavebench.simulators.reader.mdb.VendDecision;
import io.wavebench.simulators.reader.mdb.VendRequest;
import io.wavebench.simulators.token.OfflineSpend;
import io.wavebench.simulators.token.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reference reader (the device under test on the simulated rig). It knows only what it
 * demodulates from its microphone: a capture thread feeds every sample the {@link AudioIn} gives
 * into the modem's streaming receiver, and each decoded frame goes through the offline rules of
 * DESIGN §5.1. Towards the vending machine it is MDB cashless device #1 on its serial port.
 *
 * <p>A refused token is shown on the VMC's display (MDB DISPLAY REQUEST) with its reason code,
 * so a scenario sees why on the bus, as it would with a real reader.
 */
public final class SimulatedReader implements Startable {

    /** MDB 4.2: cashless device #1. */
    public static final int CASHLESS_ADDRESS = 0x10;

    private final String readerId;
    private final AudioIn microphone;
    private final AcousticModem modem;
    private final MdbTransport mdb;
    private final Clock clock;
    private final MdbTrace trace = new MdbTrace();
    private final PaymentAcceptor acceptor;
    private final CashlessPeripheral cashless;
    private final AuthorizationJournal journal;
    private final ReaderSync sync;
    private final List<ReaderEvent> events = new ArrayList<>();
    private final List<byte[]> decodedFrames = new ArrayList<>();
    private PeripheralPort port;
    private PeripheralServer server;
    private Thread listening;
    private volatile boolean running;
    /** Two-way mode (DESIGN §5.1): null while the reader sounds no challenges. */
    private volatile ChallengeResponder challenger;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SimulatedReader.class);
    /** A session paid by a code verified online (a barcode, DESIGN §5.2), or null: see {@link OnlineSession}. */
    private volatile OnlineSession online;

    public SimulatedReader(String readerId, AudioIn microphone, AcousticModem modem, MdbTransport mdb,
            TokenVerifier verifier, Clock clock, long maxSessionFunds) {
        this(readerId, microphone, modem, mdb, verifier, clock, maxSessionFunds, new InMemoryAuthorizationJournal());
    }

    /**
     * @param microphone where payments are heard; null (with {@code modem} null) for a reader whose
     *     payments arrive through {@link #heard(byte[])} only, as in the MDB soak
     * @param journal where approvals are made durable before VEND APPROVED goes out (DESIGN §5.1);
     *     the reader recovers from it on {@link #start()} and closes it on {@link #close()}
     */
    public SimulatedReader(String readerId, AudioIn microphone, AcousticModem modem, MdbTransport mdb,
            TokenVerifier verifier, Clock clock, long maxSessionFunds, AuthorizationJournal journal) {
        this.journal = journal;
        this.readerId = readerId;
        this.microphone = microphone;
        this.modem = modem;
        this.mdb = mdb;
        this.clock = clock;
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
        acceptor.recover(); // before the bus: nothing is approved on a state the journal contradicts
        mdb.open();
        port = new PeripheralPort(mdb, CASHLESS_ADDRESS, trace);
        server = new PeripheralServer(port, cashless);
        server.start();
        running = true;
        if (microphone == null) return;
        microphone.open();
        listening = new Thread(this::listen, "reader-" + readerId + "-microphone");
        listening.setDaemon(true);
        listening.start();
        record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.LISTENING, microphone.mixerName(), null));
    }

    /** The capture loop: samples in, frames out. Nothing else reaches the payment logic. */
    private void listen() {
        StreamingReceiver receiver = modem.newReceiver(this::onFrame);
        // 10 ms blocks: small enough to keep decode latency low, at the microphone's own rate.
        float[] block = new float[Math.max(1, Math.round(microphone.format().getSampleRate() / 100))];
        while (running) {
            int n = microphone.read(block);
            if (n < 0) return;
            receiver.accept(block, 0, n);
        }
    }

    private void onFrame(ReceivedFrame frame) {
        byte[] payload = frame.payload();
        synchronized (this) {
            decodedFrames.add(payload.clone());
        }
        record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.FRAME_DECODED,
                payload.length + " bytes, " + frame.correctedSymbols() + " symbols corrected", null));
        ChallengeResponder voice = challenger;
        if (io.wavebench.simulators.token.ChallengeFrames.isHello(payload)) {
            if (voice != null) voice.answerHello();
            else record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.IGNORED, "a phone's HELLO, but this reader sounds no challenges", null));
            return;
        }
        heard(payload);
    }

    /**
     * Two-way mode (DESIGN §5.1): from now on the reader answers a phone's HELLO with a challenge
     * sounded through {@code speaker}, and a token's challenge must be one it sounded (with
     * {@code challenges.required()}, one-way tokens are refused). The speaker is closed with the reader.
     */
    public void soundChallenges(io.wavebench.drivers.audio.AudioOut speaker, io.wavebench.simulators.token.ReaderChallenges challenges) {
        if (modem == null) throw new IllegalStateException("reader " + readerId + ": two-way mode needs the acoustic modem");
        acceptor.useChallenges(challenges);
        ChallengeResponder previous = challenger;
        challenger = new ChallengeResponder(readerId, speaker, modem, challenges, clock, this::record);
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
            cashless.display(heard.reason().displayText());
            return;
        }
        if (cashless.beginSession(heard.funds())) {
            record(new ReaderEvent(clock.instant(), ReaderEvent.Kind.SESSION_REQUESTED, "funds " + heard.funds(), null));
        }
    }

    /**
     * Begins a session whose funds the backend holds (issue 6: a barcode read by {@link CodeReader});
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

    /** Shows a refusal on the VMC's display, as {@link #heard} does for a token. */
    void display(String text) {
        cashless.display(text);
    }

    private VendDecision authorize(VendRequest request) {
        OnlineSession o = online;
        if (o != null) return o.authorize(request);
        PaymentAcceptor.VendAnswer answer = acceptor.authorizeVend(request.priceMinorUnits(), request.item());
        if (answer.approved()) return VendDecision.approve(answer.amount());
        if (answer.reason() != null) cashless.display(answer.reason().displayText());
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
    public SimulatedReader sessionTimeout(Duration timeout) {
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
    public int syncWith(io.wavebench.simulators.backend.BackendClient backend) {
        ReaderSync.Result result = sync.sync(backend);
        acceptor.synced(result);
        return result.revocations().size();
    }

    /** Why the reader's bus loop ended on its own (e.g. its cable was unplugged), if it did. */
    public java.util.Optional<RuntimeException> busFailure() {
        PeripheralServer s;
        synchronized (this) {
            s = server;
        }
        return s == null ? java.util.Optional.empty() : s.failure();
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

    public synchronized List<ReaderEvent> events() {
        return List.copyOf(events);
    }

    private synchronized void record(ReaderEvent event) {
        events.add(event);
        // The reader's log: a refusal's reason code goes there as well as onto the bus (DESIGN §5.1).
        if (event.reason() != null) LOG.info("reader {}: {} [code {}]", readerId, event, String.format("%02X", event.reason().code()));
        else LOG.trace("reader {}: {}", readerId, event);
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
