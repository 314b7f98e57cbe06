package io.wavebench.simulators.vmc;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbMoney;
import io.wavebench.drivers.mdb.MdbNoResponseException;
import io.wavebench.drivers.mdb.MdbTrace;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.VmcMaster;
import io.wavebench.drivers.serial.SerialLinkException;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.vmc.VmcEvent.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A vending machine controller that drives a cashless reader over MDB (MDB 4.2 §7), the way a
 * real VMC on a bench would: a poll thread initializes the reader (RESET, POLL until JUST RESET,
 * SETUP config, SETUP max/min prices, EXPANSION REQUEST ID, READER ENABLE — §7.4.1) and then
 * POLLs every poll interval. A shopper's {@link #select(int)} is remembered; once the reader
 * opens a session the VMC requests the vend, dispenses on approval, and completes the session.
 * Everything it sees is in {@link #events()} and on the bus in {@link #trace()}.
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
    private static final int JUST_RESET_POLLS = 20;

    private final MdbTransport transport;
    private final Catalog catalog;
    private final Duration pollInterval;
    private final MdbTrace trace = new MdbTrace();
    private final VmcMaster master;
    private final long startNanos = System.nanoTime();

    // Guarded by this.
    private final List<VmcEvent> events = new ArrayList<>();
    private VmcState state = VmcState.STOPPED;
    private Integer selection;
    private boolean wake;
    private volatile boolean running;
    private Thread thread;

    // Poll thread only.
    private boolean initialized;
    private boolean vendRequested;
    private int vendItem = -1;
    private boolean sessionCompletePending;
    private boolean failNextDispense;
    private boolean readerLost;
    private MdbMoney money = MdbMoney.MINOR_UNITS_2_DECIMALS;
    private CashlessResponse.ReaderConfig readerConfig;

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

    /** The first event so far or within {@code timeout} that matches, or empty. */
    public synchronized Optional<VmcEvent> awaitEvent(Predicate<VmcEvent> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < events.size(); checked++) {
                if (matching.test(events.get(checked))) return Optional.of(events.get(checked));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /**
     * The first event of {@code type} so far or within {@code timeout}.
     *
     * @throws IllegalStateException on timeout, naming the port, the state and the last events
     */
    public VmcEvent awaitEvent(Type type, Duration timeout) {
        return awaitEvent(e -> e.type() == type, timeout).orElseThrow(() -> {
            List<VmcEvent> all = events();
            return new IllegalStateException(transport.name() + ": VMC saw no " + type + " within " + timeout.toMillis() + " ms; state "
                    + state() + ", last events " + all.subList(Math.max(0, all.size() - 6), all.size()));
        });
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
                if (!readerLost) event(detail(Type.NO_RESPONSE, e.getMessage())); // once per outage, not every retry
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

    private void initialize() {
        setState(readerLost ? VmcState.NO_READER : VmcState.INITIALIZING); // NO_READER until it answers again
        vendRequested = false;
        sessionCompletePending = false;
        readerConfig = null;
        master.transact(new CashlessCommand.Reset());
        boolean justReset = false;
        for (int i = 0; i < JUST_RESET_POLLS && running && !justReset; i++) {
            for (CashlessResponse r : master.transact(new CashlessCommand.Poll())) justReset |= r instanceof CashlessResponse.JustReset;
            if (!justReset) pause();
        }
        if (!running) return;
        if (!justReset) throw new IllegalStateException(transport.name() + ": reader never answered JUST RESET after RESET (" + JUST_RESET_POLLS + " polls)");
        event(VmcEvent.of(Type.READER_JUST_RESET, now()));
        // MDB 4.2 §7.4.1: a Level 1 VMC with no display.
        for (CashlessResponse r : master.transact(new CashlessCommand.SetupConfig(1, DISPLAY_COLUMNS, DISPLAY_ROWS, DISPLAY_INFO))) {
            if (r instanceof CashlessResponse.ReaderConfig c) {
                readerConfig = c;
                money = c.money();
                event(detail(Type.READER_CONFIGURED, c.toString()));
            }
        }
        if (readerConfig == null) throw new IllegalStateException(transport.name() + ": reader answered SETUP config without READER CONFIG DATA");
        master.transact(new CashlessCommand.SetupPrices(scaledPrice(catalog.maxPrice()), scaledPrice(catalog.minPrice())));
        for (CashlessResponse r : master.transact(new CashlessCommand.ExpansionRequestId("WVB", "000000000001", "SIM-VMC", 0x0100))) {
            if (r instanceof CashlessResponse.PeripheralId id) event(detail(Type.READER_IDENTIFIED, id.toString()));
        }
        handle(master.transact(new CashlessCommand.ReaderEnable()));
        initialized = true;
        setState(VmcState.READY);
        event(VmcEvent.of(Type.READER_ENABLED, now()));
    }

    /** One turn: a pending command goes out at once; otherwise wait out the poll interval and POLL. */
    private void step() {
        Integer selected;
        synchronized (this) {
            selected = selection;
        }
        if (sessionCompletePending) {
            sessionCompletePending = false;
            setState(VmcState.ENDING_SESSION);
            event(VmcEvent.of(Type.SESSION_COMPLETE, now()));
            handle(master.transact(new CashlessCommand.SessionComplete()));
            return;
        }
        if (state() == VmcState.SESSION && selected != null && !vendRequested) {
            Catalog.Item item = catalog.require(selected);
            vendRequested = true;
            vendItem = item.number();
            setState(VmcState.VENDING);
            event(new VmcEvent(Type.VEND_REQUESTED, now(), item.number(), item.priceMinorUnits(), item.name()));
            handle(master.transact(new CashlessCommand.VendRequest(scaledPrice(item.priceMinorUnits()), item.number())));
            return;
        }
        pause();
        if (running) handle(master.transact(new CashlessCommand.Poll()));
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
            event(new VmcEvent(Type.VEND_APPROVED, now(), vendItem, money.toMinorUnits(a.amount()), ""));
            dispense();
        } else if (r instanceof CashlessResponse.VendDenied) {
            if (state() != VmcState.VENDING) return;
            event(new VmcEvent(Type.VEND_DENIED, now(), vendItem, -1, ""));
            endVend();
        } else if (r instanceof CashlessResponse.EndSession) {
            synchronized (this) {
                selection = null;
            }
            vendRequested = false;
            setState(VmcState.READY);
            event(VmcEvent.of(Type.SESSION_ENDED, now()));
        } else if (r instanceof CashlessResponse.SessionCancelRequest) {
            event(VmcEvent.of(Type.SESSION_CANCEL_REQUESTED, now()));
            if (state() == VmcState.SESSION) sessionCompletePending = true; // MDB 4.2 §7.4.4: answer with SESSION COMPLETE
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
        boolean fail;
        synchronized (this) {
            fail = failNextDispense;
            failNextDispense = false;
        }
        if (fail) {
            event(new VmcEvent(Type.DISPENSE_FAILED, now(), vendItem, -1, ""));
            handle(master.transact(new CashlessCommand.VendFailure()));
        } else {
            event(new VmcEvent(Type.DISPENSED, now(), vendItem, -1, catalog.require(vendItem).name()));
            handle(master.transact(new CashlessCommand.VendSuccess(vendItem)));
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
        notifyAll();
    }

    @Override
    public String toString() {
        return "SimulatedVmc[" + transport.name() + ", " + state() + "]";
    }
}
