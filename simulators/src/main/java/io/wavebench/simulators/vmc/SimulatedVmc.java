package io.wavebench.simulators.vmc;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbFault;
import io.wavebench.drivers.mdb.MdbMoney;
import io.wavebench.drivers.mdb.MdbNoResponseException;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.VmcMaster;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.drivers.wait.ConditionWait;
import io.wavebench.drivers.wait.Observation;
import io.wavebench.drivers.wait.Wait;
import io.wavebench.drivers.wait.WaitStrategy;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A vending machine controller that drives a cashless reader over MDB (MDB 4.2 §7), the way a
 * real VMC on a bench would: a poll thread initializes the reader (RESET, POLL until JUST RESET,
 * SETUP config, SETUP max/min prices, EXPANSION REQUEST ID, READER ENABLE — §7.4.1) and then
 * POLLs every poll interval. A shopper's {@link #select(int)} is remembered; once the reader
 * opens a session the VMC requests the vend, dispenses on approval, and completes the session.
 * Everything it sees is in {@link #events()} and on the bus in {@link #trace()}.
 *
 * <p>Non-response (MDB 4.2 §2.2): when the reader does not answer, the VMC repeats the same
 * command — the reader answers a repeat without acting twice — until the reader's application
 * maximum response time (READER CONFIG DATA, 5 s if unknown) has passed with no valid answer;
 * only then does it report {@link VmcState#NO_READER} and start again with RESET.
 *
 * <p>Besides a shopper's selection it does what a machine's keypad and controller do:
 * {@link #cancel()}, {@link #cashSale(int)}, {@link #disableReader()}/{@link #enableReader()},
 * {@link #failNextDispense()}, {@link #resetDuringNextVend()}, and named faults
 * ({@link #inject(MdbFault)}).
 *
 * <p>Ownership: the transport belongs to the caller (rig assembler or test), who opens it before
 * {@link #start()} and closes it after {@link #close()}; this class only sends and receives.
 */
public final class SimulatedVmc implements Startable {

    /**
     * MDB 4.2 §7.4.2 SETUP: the machine has a 2 x 16 character display that shows upper case and
     * numbers, so the reader may send DISPLAY REQUESTs (how it tells a shopper why it refused).
     */
    static final int DISPLAY_COLUMNS = 16, DISPLAY_ROWS = 2, DISPLAY_INFO = 0x02;


    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(50);
    /** MDB 4.2 §3.1 t-response; rigs and busy CI hosts pass a larger one. */
    public static final Duration MDB_RESPONSE_TIMEOUT = Duration.ofMillis(5);
    /** MDB 4.2 §7 cashless: the non-response time until the reader's config says otherwise. */
    public static final Duration DEFAULT_NON_RESPONSE_TIME = Duration.ofSeconds(5);
    private static final int JUST_RESET_POLLS = 20;

    private final MdbTransport transport;
    private final Catalog catalog;
    private final Duration pollInterval;
    private final MdbTrace trace = new MdbTrace();
    private final VmcMaster master;
    private final long startNanos = System.nanoTime();

    // Guarded by this.
    private final List<VmcEvent> events = new ArrayList<>();
    private final List<Consumer<VmcEvent>> listeners = new ArrayList<>();
    private VmcState state = VmcState.STOPPED;
    private Integer selection;
    private boolean wake;
    private final Deque<Runnable> requests = new ArrayDeque<>();
    private volatile boolean running;
    private Thread thread;

    // Poll thread only.
    private boolean initialized;
    private boolean vendRequested;
    /** This vend's VEND APPROVED was taken: a second one is a late copy of it, never a second item (MDB 4.2 §2.2). */
    private boolean vendApproved;
    private int vendItem = -1;
    private boolean sessionCompletePending;
    /** A reply went unacknowledged with nothing else to send: the next command is a POLL (see {@link #step()}). */
    private boolean pollForTheUnacknowledgedReply;
    private boolean failNextDispense;
    private boolean resetDuringNextVend;
    /** How long the motor takes to drop an item: zero unless a scenario needs a slow machine. */
    private volatile Duration dispenseTime = Duration.ZERO;
    private boolean readerLost;
    private long lastValidAnswer; // System.nanoTime of the reader's last valid answer; 0 before the first
    private MdbMoney money = MdbMoney.MINOR_UNITS_2_DECIMALS;
    /** Written by the poll thread, read by observers for the non-response time. */
    private volatile CashlessResponse.ReaderConfig readerConfig;

    public SimulatedVmc(MdbTransport transport, Catalog catalog) {
        this(transport, catalog, DEFAULT_POLL_INTERVAL, MDB_RESPONSE_TIMEOUT);
    }

    /**
     * @param pollInterval between POLLs, 25–200 ms (MDB 4.2 §7.5 recommends polling in that range)
     * @param responseTimeout how long to wait for the reader's answer (MDB: 5 ms)
     */
    public SimulatedVmc(MdbTransport transport, Catalog catalog, Duration pollInterval, Duration responseTimeout) {
        if (pollInterval.compareTo(Duration.ofMillis(25)) < 0 || pollInterval.compareTo(Duration.ofMillis(200)) > 0) {
            throw new IllegalArgumentException("MDB polls every 25-200 ms (MDB 4.2 §7.5); got " + pollInterval.toMillis() + " ms");
        }
        this.transport = transport;
        this.catalog = catalog;
        this.pollInterval = pollInterval;
        this.master = new VmcMaster(transport, trace, responseTimeout);
    }

    @Override
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException(transport.name() + ": start() called on a running VMC (state " + state + ")");
        running = true;
        state = VmcState.INITIALIZING;
        thread = new Thread(this::run, "simulated-vmc " + transport.name());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the poll thread and returns once {@code ready} holds for this machine, e.g.
     * {@link #readerEnabled()}: the caller no longer waits for {@link Type#READER_ENABLED} itself.
     *
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException when the reader is not ready by the
     *         strategy's deadline, naming the port, the state and the last events (the machine keeps
     *         polling; its owner closes it)
     */
    public void start(WaitStrategy<? super SimulatedVmc> ready) {
        start();
        ready.waitUntilReady(this);
    }

    /**
     * The machine is ready for shoppers: it has reset, set up and enabled its reader (MDB 4.2
     * §7.4.1), within 10 s unless told (a few polls, and slack for a loaded host). On failure it
     * names the VMC's port, its state and its last events.
     */
    public static ConditionWait<SimulatedVmc> readerEnabled() {
        return Wait.forState("READER_ENABLED (the reader reset, set up and enabled, MDB 4.2 §7.4.1)",
                        (SimulatedVmc v) -> v.eventCount(Type.READER_ENABLED) > 0, SimulatedVmc::lastSeen)
                .named(v -> "VMC on " + v.transport.name());
    }

    /** The state and the last events: what a failed wait on this machine says it saw. */
    private String lastSeen() {
        List<VmcEvent> all = events();
        return "state " + state() + ", last events " + all.subList(Math.max(0, all.size() - 6), all.size());
    }

    /** Stops the poll thread (within one transaction, a few response timeouts) and leaves the transport open. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null) return;
            running = false;
            wake = true;
            notifyAll();
        }
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            thread = null;
            state = VmcState.STOPPED;
            notifyAll();
        }
    }

    /** A shopper pressed selection {@code itemNumber}: vended as soon as the reader opens a session. */
    public void select(int itemNumber) {
        Catalog.Item item = catalog.require(itemNumber);
        synchronized (this) {
            selection = item.number();
            wake = true;
            notifyAll();
        }
        event(new VmcEvent(Type.SELECTED, now(), item.number(), item.priceMinorUnits(), item.name()));
    }

    /** The next approved vend fails to dispense: the VMC sends VEND FAILURE (MDB 4.2 §7.4.8) instead of SUCCESS. */
    public synchronized void failNextDispense() {
        failNextDispense = true;
    }

    /**
     * The next approved vend dispenses, and then the machine's controller restarts: it sends
     * RESET instead of VEND SUCCESS. MDB 4.2 §7.4.7: the reader must book that vend as a sale.
     */
    public synchronized void resetDuringNextVend() {
        resetDuringNextVend = true;
    }

    /**
     * From now on the motor takes {@code time} to drop an item, between VEND APPROVED and the
     * VMC's VEND SUCCESS (or FAILURE), as a spiral machine's does: the window a power cut at the
     * reader falls into (DESIGN §5.1, a journal that survives power loss).
     */
    public void dispenseTakes(Duration time) {
        if (time.isNegative()) throw new IllegalArgumentException("dispense time must not be negative: " + time);
        dispenseTime = time;
    }

    /**
     * The shopper pressed the cancel (coin return) key: with a session open and no vend, SESSION
     * COMPLETE (MDB 4.2 §7.4.9); during a vend not yet approved, VEND CANCEL (§7.4.6); otherwise
     * the selection is forgotten. Nothing is dispensed or charged.
     */
    public void cancel() {
        event(VmcEvent.of(Type.CANCEL_PRESSED, now()));
        request(() -> {
            synchronized (this) {
                selection = null;
            }
            if (state() == VmcState.SESSION) {
                sessionCompletePending = true;
            } else if (state() == VmcState.VENDING) {
                handle(transact(new CashlessCommand.VendCancel())); // the reader answers VEND DENIED on a POLL
            }
        });
    }

    /** A cash sale of {@code itemNumber}: CASH SALE for the reader's audit (MDB 4.2 §7.4.10). */
    public void cashSale(int itemNumber) {
        Catalog.Item item = catalog.require(itemNumber);
        request(() -> {
            event(new VmcEvent(Type.CASH_SALE, now(), item.number(), item.priceMinorUnits(), item.name()));
            handle(transact(new CashlessCommand.CashSale(scaledPrice(item.priceMinorUnits()), item.number())));
        });
    }

    /** The machine takes the reader out of service (door open, sold out): READER DISABLE (MDB 4.2 §7.4.12). */
    public void disableReader() {
        request(() -> {
            handle(transact(new CashlessCommand.ReaderDisable()));
            event(VmcEvent.of(Type.READER_DISABLED, now()));
        });
    }

    /** Back in service: READER ENABLE. */
    public void enableReader() {
        request(() -> {
            handle(transact(new CashlessCommand.ReaderEnable()));
            event(VmcEvent.of(Type.READER_ENABLED, now()));
        });
    }

    /**
     * Misbehaves once: {@link MdbFault#NO_ACK} and {@link MdbFault#BAD_CHECKSUM} at the link layer
     * (see {@link VmcMaster#inject}); {@link MdbFault#SILENCE} skips the next POLL;
     * {@link MdbFault#OUT_OF_SEQUENCE} sends VEND SUCCESS with no vend in progress, which the reader
     * must refuse (and the VMC then resets it, MDB 4.2 §7.3).
     */
    public void inject(MdbFault fault) {
        switch (fault) {
            case NO_ACK, BAD_CHECKSUM -> master.inject(fault);
            case SILENCE -> request(this::pause);
            case OUT_OF_SEQUENCE -> request(() -> handle(transact(new CashlessCommand.VendSuccess(0))));
        }
    }

    private void request(Runnable onPollThread) {
        synchronized (this) {
            requests.add(onPollThread);
            wake = true;
            notifyAll();
        }
    }

    public synchronized VmcState state() {
        return state;
    }

    public MdbTrace trace() {
        return trace;
    }

    public Catalog catalog() {
        return catalog;
    }

    public synchronized List<VmcEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Hands {@code listener} every event so far, in order, and then each new one as it happens, on
     * the thread that records it and in the order of {@link #events()}; nothing is missed or
     * repeated. How an observer keeps its own log of the machine on a clock of its choosing: it is
     * called at the moment the event is recorded. A listener must be quick and must not call back
     * into this VMC.
     */
    public synchronized void listen(Consumer<VmcEvent> listener) {
        events.forEach(listener);
        listeners.add(listener);
    }

    /** How many events so far: an index for {@link #awaitEvent(String, Predicate, Duration, int)}. */
    public synchronized int eventCount() {
        return events.size();
    }

    /** How many events of {@code type} so far. */
    public synchronized int eventCount(Type type) {
        return (int) events.stream().filter(e -> e.type() == type).count();
    }

    /**
     * The first event at index {@code from} or later (see {@link #eventCount()}) that matches,
     * waited for up to {@code timeout}: through {@link Wait}, named by the VMC's port.
     *
     * @param alias what is waited for, in words a failure can print ("VEND APPROVED for item 12")
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException when none came, naming the port,
     *         the alias, the deadline, the machine's state and its last events
     */
    public VmcEvent awaitEvent(String alias, Predicate<VmcEvent> matching, Duration timeout, int from) {
        return observeEvent(alias, matching, timeout, from).orElseThrow();
    }

    /**
     * Whether an event at index {@code from} or later matches within {@code timeout}: for callers
     * to whom "none came" is an answer (a "nothing happened" check waits the full time). The
     * {@link Observation} carries the event, or what the machine showed last.
     */
    public synchronized Observation<VmcEvent> observeEvent(String alias, Predicate<VmcEvent> matching, Duration timeout, int from) {
        EventSearch search = new EventSearch(matching, from);
        return Wait.forState(alias, EventSearch::found, s -> lastSeen())
                .named(s -> "VMC on " + transport.name())
                .withStartupTimeout(timeout)
                .pausingOn(this) // event() notifies this monitor on each new event
                .observe(search)
                .map(s -> s.match);
    }

    /** A walk through the events from one index on, remembering how far it has looked; used holding this VMC's monitor. */
    private final class EventSearch {
        private final Predicate<VmcEvent> matching;
        private int checked;
        private VmcEvent match;

        EventSearch(Predicate<VmcEvent> matching, int from) {
            this.matching = matching;
            this.checked = from;
        }

        boolean found() {
            for (; match == null && checked < events.size(); checked++) {
                if (matching.test(events.get(checked))) match = events.get(checked);
            }
            return match != null;
        }
    }

    /**
     * The first event of {@code type} so far or within {@code timeout}.
     *
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException on timeout, naming the port, the
     *         type, the deadline, the state and the last events
     */
    public VmcEvent awaitEvent(Type type, Duration timeout) {
        return awaitEvent(type.name(), e -> e.type() == type, timeout, 0);
    }

    // ---- poll thread ----

    private void run() {
        while (running) {
            try {
                if (!initialized) initialize();
                else step();
                readerLost = false;
            } catch (MdbNoResponseException e) {
                initialized = false;
                setState(VmcState.NO_READER);
                if (!readerLost) {
                    event(detail(Type.NO_RESPONSE, "no valid answer for " + nonResponseTime().toMillis() + " ms (the reader's non-response time): "
                            + e.getMessage())); // once per outage, not every retry
                }
                readerLost = true;
                pause(); // MDB 4.2 §2.4.3: keep trying to RESET the reader
            } catch (SerialLinkException e) {
                if (running) event(detail(Type.LINK_ERROR, e.getMessage()));
                break;
            } catch (RuntimeException e) { // a reply that made no sense, or a price the reader's scale cannot say
                event(detail(Type.PROTOCOL_ERROR, e.getMessage()));
                initialized = false;
                pause();
            }
        }
    }

    /**
     * One command to the reader, repeated while it does not answer and its non-response time has
     * not passed since its last valid answer (MDB 4.2 §2.2: no RESET as a recovery before that).
     */
    private List<CashlessResponse> transact(CashlessCommand command) {
        while (true) {
            try {
                List<CashlessResponse> responses = master.transact(command);
                lastValidAnswer = System.nanoTime();
                return responses;
            } catch (MdbNoResponseException e) {
                if (!running || lastValidAnswer == 0 || System.nanoTime() - lastValidAnswer >= nonResponseTime().toNanos()) throw e;
            }
        }
    }

    /**
     * How long the VMC lets the reader go without a valid answer before it calls it lost (MDB 4.2
     * §2.2): the application maximum response time of the reader's READER CONFIG DATA, or MDB's
     * {@link #DEFAULT_NON_RESPONSE_TIME} before the reader has said.
     */
    public Duration nonResponseTime() {
        CashlessResponse.ReaderConfig readerConfig = this.readerConfig;
        return readerConfig != null && readerConfig.maxResponseTimeSeconds() > 0
                ? Duration.ofSeconds(readerConfig.maxResponseTimeSeconds()) : DEFAULT_NON_RESPONSE_TIME;
    }

    private void initialize() {
        setState(readerLost ? VmcState.NO_READER : VmcState.INITIALIZING); // NO_READER until it answers again
        vendRequested = false;
        sessionCompletePending = false;
        if (readerLost) lastValidAnswer = 0; // a lost reader is not waited for again: one attempt per poll
        readerConfig = null;
        transact(new CashlessCommand.Reset());
        boolean justReset = false;
        for (int i = 0; i < JUST_RESET_POLLS && running && !justReset; i++) {
            for (CashlessResponse r : transact(new CashlessCommand.Poll())) justReset |= r instanceof CashlessResponse.JustReset;
            if (!justReset) pause();
        }
        if (!running) return;
        if (!justReset) throw new IllegalStateException(transport.name() + ": reader never answered JUST RESET after RESET (" + JUST_RESET_POLLS + " polls)");
        event(VmcEvent.of(Type.READER_JUST_RESET, now()));
        // MDB 4.2 §7.4.1 SETUP config data: feature level 1, and the VMC's display (columns, rows,
        // info), which the reader writes its messages to (DESIGN §5.3).
        for (CashlessResponse r : transact(new CashlessCommand.SetupConfig(1, DISPLAY_COLUMNS, DISPLAY_ROWS, DISPLAY_INFO))) {
            if (r instanceof CashlessResponse.ReaderConfig c) {
                readerConfig = c;
                money = c.money();
                event(detail(Type.READER_CONFIGURED, c.toString()));
            }
        }
        if (readerConfig == null) throw new IllegalStateException(transport.name() + ": reader answered SETUP config without READER CONFIG DATA");
        transact(new CashlessCommand.SetupPrices(scaledPrice(catalog.maxPrice()), scaledPrice(catalog.minPrice())));
        for (CashlessResponse r : transact(new CashlessCommand.ExpansionRequestId("WVB", "000000000001", "SIM-VMC", 0x0100))) {
            if (r instanceof CashlessResponse.PeripheralId id) event(detail(Type.READER_IDENTIFIED, id.toString()));
        }
        handle(transact(new CashlessCommand.ReaderEnable()));
        initialized = true;
        setState(VmcState.READY);
        event(VmcEvent.of(Type.READER_ENABLED, now()));
    }

    /** One turn: a pending command goes out at once; otherwise wait out the poll interval and POLL. */
    private void step() {
        Integer selected;
        Runnable requested;
        synchronized (this) {
            selected = selection;
            requested = requests.poll();
        }
        if (requested != null) {
            requested.run();
            return;
        }
        if (pollForTheUnacknowledgedReply) {
            // MDB 4.2 §2.2: a reply the VMC did not ACK is repeated at the next POLL, unless the
            // VMC's next command takes its place. The VMC had nothing else to send when the reply
            // came, so it POLLs, whatever the shopper chooses in the meantime.
            pollForTheUnacknowledgedReply = false;
            pause();
            if (running) handle(transact(new CashlessCommand.Poll()));
            return;
        }
        if (sessionCompletePending) {
            sessionCompletePending = false;
            setState(VmcState.ENDING_SESSION);
            event(VmcEvent.of(Type.SESSION_COMPLETE, now()));
            handle(transact(new CashlessCommand.SessionComplete()));
            return;
        }
        if (state() == VmcState.SESSION && selected != null && !vendRequested) {
            Catalog.Item item = catalog.require(selected);
            vendRequested = true;
            vendApproved = false;
            vendItem = item.number();
            setState(VmcState.VENDING);
            event(new VmcEvent(Type.VEND_REQUESTED, now(), item.number(), item.priceMinorUnits(), item.name()));
            handle(transact(new CashlessCommand.VendRequest(scaledPrice(item.priceMinorUnits()), item.number())));
            return;
        }
        pause();
        if (!running) return;
        handle(transact(new CashlessCommand.Poll()));
        pollForTheUnacknowledgedReply = master.lastReplyUnacknowledged() && selected == null;
    }

    private void handle(List<CashlessResponse> responses) {
        for (CashlessResponse r : responses) handle(r);
    }

    private void handle(CashlessResponse r) {
        if (r instanceof CashlessResponse.BeginSession b) {
            if (state() != VmcState.READY) return; // a repeat of one already seen
            event(new VmcEvent(Type.SESSION_BEGAN, now(), -1, b.funds() == MdbMoney.UNKNOWN ? -1 : money.toMinorUnits(b.funds()), ""));
            setState(VmcState.SESSION);
        } else if (r instanceof CashlessResponse.VendApproved a) {
            if (state() != VmcState.VENDING) {
                event(detail(Type.PROTOCOL_ERROR, "VEND APPROVED while " + state()));
                return;
            }
            if (vendApproved) {
                // A reader that answered late sends the same reply to each POLL it missed: the copy
                // can arrive as the answer to VEND SUCCESS, while this vend is still VENDING.
                event(detail(Type.PROTOCOL_ERROR, "VEND APPROVED again for the vend already approved (a late copy; not dispensed again)"));
                return;
            }
            vendApproved = true;
            event(new VmcEvent(Type.VEND_APPROVED, now(), vendItem, money.toMinorUnits(a.amount()), ""));
            dispense();
        } else if (r instanceof CashlessResponse.VendDenied) {
            if (state() != VmcState.VENDING) return;
            event(new VmcEvent(Type.VEND_DENIED, now(), vendItem, -1, ""));
            endVend();
        } else if (r instanceof CashlessResponse.EndSession) {
            if (state() == VmcState.READY) return; // a repeat of one already seen (its ACK was lost)
            synchronized (this) {
                selection = null;
            }
            vendRequested = false;
            sessionCompletePending = false;
            setState(VmcState.READY);
            event(VmcEvent.of(Type.SESSION_ENDED, now()));
        } else if (r instanceof CashlessResponse.SessionCancelRequest) {
            event(VmcEvent.of(Type.SESSION_CANCEL_REQUESTED, now()));
            // MDB 4.2 §7.4.4: answer with SESSION COMPLETE. Also when this VMC knows of no session:
            // a reader whose BEGIN SESSION never reached it (lost on a noisy bus: the MDB soak saw
            // it once) sits in a session of its own, and only SESSION COMPLETE brings it back.
            // Also while it awaits the END SESSION of its SESSION COMPLETE: the reader asking means
            // that one never reached it (it heard another answer as its ACK), so it goes again.
            VmcState now = state();
            if (now == VmcState.SESSION || now == VmcState.READY || now == VmcState.ENDING_SESSION) {
                sessionCompletePending = true;
            } else if (now == VmcState.VENDING && !vendApproved) {
                // Awaiting the answer to VEND REQUEST while the reader wants the session over: the
                // vend is cancelled (MDB 4.2 §7.4.6, allowed until the approval is out). A reader
                // that has it answers VEND DENIED and voids an approval not yet delivered; one that
                // never had it (its VEND REQUEST was lost though an ACK was heard) says COMMAND OUT
                // OF SEQUENCE and is reset (§7.3). Either way nothing is dispensed or charged.
                handle(transact(new CashlessCommand.VendCancel()));
            }
        } else if (r instanceof CashlessResponse.DisplayRequest d) {
            event(detail(Type.DISPLAYED, d.text()));
        } else if (r instanceof CashlessResponse.Cancelled) {
            event(VmcEvent.of(Type.CANCELLED, now()));
        } else if (r instanceof CashlessResponse.Malfunction m) {
            event(detail(Type.MALFUNCTION, m.toString()));
        } else if (r instanceof CashlessResponse.CommandOutOfSequence) {
            event(VmcEvent.of(Type.OUT_OF_SEQUENCE, now()));
            initialized = false; // MDB 4.2 §7.3: the VMC resets the reader
        } else if (r instanceof CashlessResponse.JustReset) {
            event(VmcEvent.of(Type.READER_JUST_RESET, now()));
            initialized = false; // the reader reset itself: set it up again
        }
    }

    private void dispense() {
        Duration motor = dispenseTime;
        if (!motor.isZero()) {
            try {
                Thread.sleep(motor.toMillis()); // the motor turning: the machine says nothing on the bus meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        boolean fail;
        boolean reset;
        synchronized (this) {
            fail = failNextDispense;
            failNextDispense = false;
            reset = !fail && resetDuringNextVend;
            if (reset) resetDuringNextVend = false;
        }
        if (reset) {
            // The controller restarts after the motor ran: it never says VEND SUCCESS (MDB 4.2 §7.4.7).
            event(new VmcEvent(Type.DISPENSED, now(), vendItem, -1, catalog.require(vendItem).name()));
            event(detail(Type.CONTROLLER_RESTARTED, "RESET sent instead of VEND SUCCESS"));
            initialized = false;
            endVend();
            return;
        }
        if (fail) {
            event(new VmcEvent(Type.DISPENSE_FAILED, now(), vendItem, -1, ""));
            handle(transact(new CashlessCommand.VendFailure()));
        } else {
            event(new VmcEvent(Type.DISPENSED, now(), vendItem, -1, catalog.require(vendItem).name()));
            handle(transact(new CashlessCommand.VendSuccess(vendItem)));
        }
        endVend();
    }

    /** MDB 4.2 §7.7 example 1: one vend per session here, so the session is completed after it. */
    private void endVend() {
        synchronized (this) {
            selection = null;
        }
        setState(VmcState.SESSION);
        sessionCompletePending = true;
    }

    private int scaledPrice(long minorUnits) {
        return money.toScaled(minorUnits);
    }

    private synchronized void pause() {
        long deadline = System.nanoTime() + pollInterval.toNanos();
        try {
            while (!wake && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                wait(Math.max(1, left / 1_000_000), (int) (left % 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        wake = false;
    }

    private synchronized void setState(VmcState next) {
        state = next;
        notifyAll();
    }

    private VmcEvent detail(Type type, String detail) {
        return new VmcEvent(type, now(), -1, -1, detail);
    }

    private Duration now() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private synchronized void event(VmcEvent e) {
        events.add(e);
        for (var listener : listeners) listener.accept(e);
        notifyAll();
    }

    @Override
    public String toString() {
        return "SimulatedVmc[" + transport.name() + ", " + state() + "]";
    }
}
