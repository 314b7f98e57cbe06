package io.wavebench.simulators.reader.mdb;

import io.wavebench.drivers.mdb.CashlessCommand;
import io.wavebench.drivers.mdb.CashlessResponse;
import io.wavebench.drivers.mdb.MdbMoney;
import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.drivers.wait.Observation;
import io.wavebench.drivers.wait.Wait;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The reader's cashless-device state machine (MDB 4.2 §7.2–7.4, Level 1): what it answers to each
 * VMC command and what it queues for the next POLL. It knows neither the link layer (that is
 * {@link PeripheralPort}, which calls {@link #onCommand}) nor how payments are checked (that is
 * the {@link VendAuthorizer}).
 *
 * <pre>
 *   INACTIVE --SETUP config--> DISABLED --READER ENABLE--> ENABLED --beginSession()--> SESSION_IDLE
 *   SESSION_IDLE --VEND REQUEST--> VEND --approved: VEND SUCCESS/FAILURE; denied; VEND CANCEL--> SESSION_IDLE
 *   SESSION_IDLE --SESSION COMPLETE--> ENABLED (END SESSION on the next POLL);  any --RESET--> INACTIVE
 * </pre>
 *
 * <p>What each state allows (MDB 4.2 §7.2/§7.3; anything else is ACKed, changes nothing, and is
 * answered COMMAND OUT OF SEQUENCE on the next POLL):
 * <ul>
 *   <li>always: RESET, POLL;
 *   <li>INACTIVE: SETUP config, EXPANSION REQUEST ID;
 *   <li>DISABLED, ENABLED: SETUP (again), SETUP prices, EXPANSION REQUEST ID, READER ENABLE/DISABLE,
 *       CASH SALE; READER CANCEL in ENABLED (answered CANCELLED);
 *   <li>SESSION IDLE: VEND REQUEST, SESSION COMPLETE, READER ENABLE/DISABLE (a disable waits for the
 *       session's end), CASH SALE;
 *   <li>VEND (uninterruptible): VEND CANCEL until the approval is out, VEND SUCCESS/FAILURE after
 *       it, READER DISABLE (deferred to the session's end).
 * </ul>
 *
 * <p>Session timeout: a session left idle (no VEND REQUEST) for {@link #sessionTimeout(Duration)}
 * is given up with SESSION CANCEL REQUEST; the VMC answers SESSION COMPLETE (MDB 4.2 §7.4.4).
 *
 * <p>Money: the payment side speaks minor units; the bus speaks scaled values per this reader's
 * READER CONFIG DATA ({@link MdbMoney}). Thread-safe: the bus thread calls {@link #onCommand},
 * the payment side calls {@link #beginSession}, tests call {@link #awaitState}.
 */
public final class CashlessPeripheral implements PeripheralPort.CommandHandler {

    /**
     * What the simulated reader announces: Level 1; EUR (ISO 4217 978 → 0x1978, the currency of the
     * credentials the rig's issuer signs); 1 bus unit = 1 cent; an application maximum response
     * time of 2 s (an offline check answers in milliseconds), which the VMC uses as its
     * non-response time (MDB 4.2 §2.2: no RESET before it has passed).
     */
    public static final CashlessResponse.ReaderConfig DEFAULT_CONFIG = new CashlessResponse.ReaderConfig(1, 0x1978, 1, 2, 2, 0);
    /** How long a session may stay idle before the reader gives it up; a shopper's minute is common. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(30);
    public static final CashlessResponse.PeripheralId DEFAULT_ID =
            new CashlessResponse.PeripheralId("WVB", "000000000001", "SIM-ACOUSTIC", 0x0100);

    private final VendAuthorizer authorizer;
    private final CashlessListener listener;
    private final CashlessResponse.ReaderConfig config;
    private final CashlessResponse.PeripheralId id;
    private final MdbMoney money;
    private final Executor authorizerExecutor;

    // Guarded by this.
    private CashlessState state = CashlessState.INACTIVE;
    private final List<CashlessState> history = new ArrayList<>(List.of(CashlessState.INACTIVE));
    private final Deque<CashlessResponse> outbox = new ArrayDeque<>();
    private CashlessCommand.SetupConfig vmcConfig;
    private CashlessCommand.SetupPrices prices;
    private CashlessCommand.ExpansionRequestId vmcId;
    private boolean disableAfterSession;
    private VendRequest vend;
    private long vendSerial;
    private boolean decided;
    private long approvedAmount = -1;
    private boolean approvalDelivered;
    private Duration sessionTimeout = DEFAULT_SESSION_TIMEOUT;
    private long idleSince;
    private boolean cancelRequested;
    private LongSupplier nanoTime = System::nanoTime;
    private final List<Runnable> notifications = new ArrayList<>();
    private long commandsHandled;

    public CashlessPeripheral(VendAuthorizer authorizer, CashlessListener listener) {
        this(authorizer, listener, DEFAULT_CONFIG, DEFAULT_ID, CashlessPeripheral::authorizeOnOwnThread);
    }

    /**
     * @param authorizerExecutor where {@link VendAuthorizer#authorize} runs: never the bus thread,
     *     which must answer within 5 ms; by default a short-lived daemon thread per vend
     */
    public CashlessPeripheral(VendAuthorizer authorizer, CashlessListener listener, CashlessResponse.ReaderConfig config,
                              CashlessResponse.PeripheralId id, Executor authorizerExecutor) {
        this.authorizer = authorizer;
        this.listener = listener;
        this.config = config;
        this.id = id;
        this.money = config.money();
        this.authorizerExecutor = authorizerExecutor;
        // MDB 4.2 §7.4.1: a reader that powers up answers the VMC's first POLL with JUST RESET, so a
        // VMC still polling the reader it knew (e.g. one restarted after a crash) sets it up again.
        outbox.add(new CashlessResponse.JustReset());
    }

    private static void authorizeOnOwnThread(Runnable r) {
        Thread t = new Thread(r, "vend-authorizer");
        t.setDaemon(true);
        t.start();
    }

    /** How long a session may stay idle before SESSION CANCEL REQUEST; counted from BEGIN SESSION or the last vend's end. */
    public synchronized CashlessPeripheral sessionTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("session timeout must be positive: " + timeout);
        sessionTimeout = timeout;
        return this;
    }

    /** The clock the session timeout reads, in nanoseconds (tests pass a hand-turned one). */
    synchronized CashlessPeripheral nanoClock(LongSupplier clock) {
        this.nanoTime = clock;
        return this;
    }

    public synchronized CashlessState state() {
        return state;
    }

    public MdbMoney money() {
        return money;
    }

    public synchronized Optional<CashlessCommand.SetupConfig> vmcConfig() {
        return Optional.ofNullable(vmcConfig);
    }

    public synchronized Optional<CashlessCommand.SetupPrices> prices() {
        return Optional.ofNullable(prices);
    }

    public synchronized Optional<CashlessCommand.ExpansionRequestId> vmcId() {
        return Optional.ofNullable(vmcId);
    }

    /**
     * Waits until the reader is in {@code target}, woken by each change of state.
     *
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException on timeout, naming the state it is in and the states it went through
     */
    public synchronized void awaitState(CashlessState target, Duration timeout) {
        Wait.forState(target.name(), (CashlessPeripheral c) -> c.state == target, c -> "it is " + c.state + " (states so far: " + c.history + ")")
                .named(c -> String.format("cashless reader (MDB address 0x%02X)", CashlessCommand.CASHLESS_1))
                .withStartupTimeout(timeout)
                .pausingOn(this)
                .waitUntilReady(this);
    }

    /**
     * A shopper presented a valid payment: open a session with {@code fundsMinorUnits} available
     * (MDB 4.2 §7.4.4 BEGIN SESSION, sent on the next POLL). Only in ENABLED.
     *
     * @return false when the reader is not ENABLED (nothing changes)
     */
    public boolean beginSession(long fundsMinorUnits) {
        if (fundsMinorUnits < 0) throw new IllegalArgumentException("funds must not be negative: " + fundsMinorUnits);
        synchronized (this) {
            if (state != CashlessState.ENABLED) return false;
            long scaled = fundsMinorUnits / money.scaleFactor();
            outbox.add(new CashlessResponse.BeginSession((int) Math.min(scaled, MdbMoney.MAX_SCALED)));
            moveTo(CashlessState.SESSION_IDLE);
        }
        notifyListeners();
        return true;
    }

    /**
     * Shows {@code text} on the VMC's display for 3 s (MDB 4.2 §7.4.4 DISPLAY REQUEST, on the next
     * POLL): a refused payment's reason, for the shopper and for bench-portable assertions.
     *
     * @return false before SETUP, or when the VMC's SETUP said it has no display
     */
    public synchronized boolean display(String text) {
        if (state == CashlessState.INACTIVE) return false;
        if (vmcConfig().map(c -> c.displayColumns() * c.displayRows() == 0).orElse(true)) return false;
        outbox.add(new CashlessResponse.DisplayRequest(30, text));
        return true;
    }

    /** The reader wants the session ended (e.g. a shopper walked away): SESSION CANCEL REQUEST on the next POLL. */
    public synchronized boolean requestSessionCancel() {
        if (state != CashlessState.SESSION_IDLE || cancelRequested) return false;
        cancelRequested = true;
        outbox.add(new CashlessResponse.SessionCancelRequest());
        return true;
    }

    /**
     * Waits until every queued response (e.g. END SESSION) has been collected by a POLL, and then
     * for the VMC's next command or {@code grace} (longer than MDB's slowest poll, 200 ms), whichever
     * comes first: a VMC that missed the answer repeats its POLL within that time and the link layer
     * repeats the answer. So a reader that stops afterwards leaves nothing behind.
     *
     * @throws io.wavebench.drivers.wait.DeviceNotReadyException when the responses were not
     *         collected within {@code timeout}, naming the state and the answers still queued
     */
    public void awaitDelivered(Duration timeout, Duration grace) {
        observeDelivered(timeout, grace).orElseThrow();
    }

    /**
     * As {@link #awaitDelivered}, answering rather than failing: the {@link Observation} says
     * whether the VMC collected every queued response within {@code timeout}, and what was left.
     */
    public synchronized Observation<CashlessPeripheral> observeDelivered(Duration timeout, Duration grace) {
        Observation<CashlessPeripheral> collected = Wait.forState("every queued answer collected by a POLL",
                        (CashlessPeripheral p) -> p.outbox.isEmpty(), p -> "state " + p.state + ", still queued " + p.outbox)
                .named(p -> "cashless reader (MDB address 0x10)")
                .withStartupTimeout(timeout)
                .pausingOn(this)
                .observe(this);
        if (collected.happened()) {
            long seen = commandsHandled;
            // Whether or not the VMC sends another command within the grace, the answers are out.
            Wait.forState("the VMC's next command", (CashlessPeripheral p) -> p.commandsHandled != seen, p -> p.commandsHandled + " commands handled")
                    .withStartupTimeout(grace)
                    .pausingOn(this)
                    .observe(this);
        }
        return collected;
    }

    @Override
    public Optional<CashlessResponse> onCommand(CashlessCommand command) {
        Optional<CashlessResponse> reply;
        synchronized (this) {
            reply = handle(command);
            commandsHandled++;
            notifyAll();
        }
        notifyListeners();
        return reply;
    }

    private Optional<CashlessResponse> handle(CashlessCommand command) {
        if (command instanceof CashlessCommand.Reset) return reset();
        if (command instanceof CashlessCommand.Poll) return poll();
        // MDB 4.2 §7.3: VEND is uninterruptible; other commands are ACKed and answered out of sequence.
        if (state == CashlessState.VEND && !isVendCommand(command) && !(command instanceof CashlessCommand.ReaderDisable)) {
            return outOfSequence(command);
        }
        if (command instanceof CashlessCommand.SetupConfig c) {
            if (state != CashlessState.INACTIVE && state != CashlessState.DISABLED) return outOfSequence(command);
            vmcConfig = c;
            moveTo(CashlessState.DISABLED); // MDB 4.2 §7.4.2: set up; VMC may now send prices and enable
            return Optional.of(config);
        }
        if (command instanceof CashlessCommand.SetupPrices p) {
            if (state != CashlessState.DISABLED && state != CashlessState.ENABLED) return outOfSequence(command); // after SETUP config
            prices = p;
            return Optional.empty();
        }
        if (command instanceof CashlessCommand.ExpansionRequestId e) {
            if (inSession()) return outOfSequence(command);
            vmcId = e;
            return Optional.of(id);
        }
        if (command instanceof CashlessCommand.ReaderEnable) {
            if (state == CashlessState.INACTIVE) return outOfSequence(command);
            disableAfterSession = false;
            if (state == CashlessState.DISABLED) moveTo(CashlessState.ENABLED);
            return Optional.empty();
        }
        if (command instanceof CashlessCommand.ReaderDisable) {
            if (state == CashlessState.ENABLED) moveTo(CashlessState.DISABLED);
            else if (inSession()) disableAfterSession = true; // MDB 4.2 §7.4.12: a session (and a vend) is not aborted
            return Optional.empty();
        }
        if (command instanceof CashlessCommand.ReaderCancel) {
            if (state != CashlessState.ENABLED && state != CashlessState.DISABLED) return outOfSequence(command);
            outbox.add(new CashlessResponse.Cancelled());
            return Optional.empty();
        }
        if (command instanceof CashlessCommand.VendRequest r) return vendRequest(r);
        if (command instanceof CashlessCommand.VendCancel) return vendCancel(command);
        if (command instanceof CashlessCommand.VendSuccess s) return vendEnd(command, s.item(), true);
        if (command instanceof CashlessCommand.VendFailure) return vendEnd(command, -1, false);
        if (command instanceof CashlessCommand.SessionComplete) return sessionComplete(command);
        if (command instanceof CashlessCommand.CashSale c) {
            if (state == CashlessState.INACTIVE) return outOfSequence(command);
            long price = money.toMinorUnits(c.price());
            notifications.add(() -> listener.onCashSale(price, c.item()));
            return Optional.empty();
        }
        return outOfSequence(command);
    }

    private boolean inSession() {
        return state == CashlessState.SESSION_IDLE || state == CashlessState.VEND;
    }

    private static boolean isVendCommand(CashlessCommand c) {
        return c instanceof CashlessCommand.VendCancel || c instanceof CashlessCommand.VendSuccess
                || c instanceof CashlessCommand.VendFailure || c instanceof CashlessCommand.VendRequest;
    }

    /** MDB 4.2 §7.4.1: always allowed; JUST RESET on the next POLL. */
    private Optional<CashlessResponse> reset() {
        if (state == CashlessState.VEND && decided && approvedAmount >= 0) {
            VendRequest r = vend;
            long amount = approvedAmount;
            if (approvalDelivered) notifications.add(() -> listener.onResetAfterApproval(r, amount)); // MDB 4.2 §7.4.7: a sale
            else notifications.add(() -> listener.onApprovalNotDelivered(r, amount));
        }
        clearVend();
        outbox.clear();
        outbox.add(new CashlessResponse.JustReset());
        disableAfterSession = false;
        moveTo(CashlessState.INACTIVE);
        return Optional.empty();
    }

    private Optional<CashlessResponse> poll() {
        // MDB 4.2 §7.4.4: the reader asks the VMC to end an abandoned session (requestSessionCancel
        // refuses, and nothing is notified, if a cancel is already requested).
        if (state == CashlessState.SESSION_IDLE && nanoTime.getAsLong() - idleSince >= sessionTimeout.toNanos() && requestSessionCancel()) {
            Duration after = sessionTimeout;
            notifications.add(() -> listener.onSessionTimeout(after));
        }
        CashlessResponse next = outbox.poll();
        if (next instanceof CashlessResponse.VendApproved) {
            approvalDelivered = true;
            VendRequest r = vend;
            long amount = approvedAmount;
            notifications.add(() -> listener.onApprovalGoingOut(r, amount));
        }
        return Optional.ofNullable(next);
    }

    private Optional<CashlessResponse> vendRequest(CashlessCommand.VendRequest r) {
        if (state != CashlessState.SESSION_IDLE) return outOfSequence(r);
        VendRequest request = new VendRequest(money.toMinorUnits(r.price()), r.item());
        vend = request;
        long serial = ++vendSerial;
        moveTo(CashlessState.VEND);
        authorizerExecutor.execute(() -> decide(serial, request));
        return Optional.empty(); // MDB 4.2 §7.4.5: ACK now, APPROVED/DENIED on a later POLL
    }

    private void decide(long serial, VendRequest request) {
        VendDecision decision;
        try {
            decision = authorizer.authorize(request);
        } catch (RuntimeException e) {
            decision = VendDecision.deny("authorizer failed: " + e);
        }
        synchronized (this) {
            if (serial != vendSerial || state != CashlessState.VEND || decided) {
                if (decision.approved()) { // RESET or VEND CANCEL overtook it: the VMC will never see it
                    long amount = decision.amountMinorUnits();
                    notifications.add(() -> listener.onApprovalNotDelivered(request, amount));
                }
            } else {
                decided = true;
                int scaled = -1;
                if (decision.approved()) {
                    try {
                        scaled = money.toScaled(decision.amountMinorUnits());
                    } catch (IllegalArgumentException e) {
                        scaled = -1; // cannot be said on this bus: deny rather than charge a different amount
                    }
                }
                if (scaled >= 0) {
                    approvedAmount = decision.amountMinorUnits();
                    outbox.add(new CashlessResponse.VendApproved(scaled));
                } else {
                    outbox.add(new CashlessResponse.VendDenied());
                    clearVend();
                    moveTo(CashlessState.SESSION_IDLE); // MDB 4.2 §7.2: a denial ends the vend
                }
            }
        }
        notifyListeners();
    }

    /** MDB 4.2 §7.4.6: only before the decision reached the VMC; answered with VEND DENIED. */
    private Optional<CashlessResponse> vendCancel(CashlessCommand command) {
        if (state != CashlessState.VEND || approvalDelivered) return outOfSequence(command);
        VendRequest r = vend;
        if (decided && approvedAmount >= 0) {
            outbox.removeIf(x -> x instanceof CashlessResponse.VendApproved);
            long amount = approvedAmount;
            notifications.add(() -> listener.onApprovalNotDelivered(r, amount));
        } else if (decided) {
            outbox.removeIf(x -> x instanceof CashlessResponse.VendDenied);
        }
        notifications.add(() -> listener.onVendCancelled(r));
        outbox.add(new CashlessResponse.VendDenied());
        clearVend();
        moveTo(CashlessState.SESSION_IDLE);
        return Optional.empty();
    }

    /** VEND SUCCESS (MDB 4.2 §7.4.7) or VEND FAILURE (§7.4.8) after an approval the VMC received. */
    private Optional<CashlessResponse> vendEnd(CashlessCommand command, int item, boolean success) {
        if (state != CashlessState.VEND || !approvalDelivered) return outOfSequence(command);
        VendRequest r = vend;
        long amount = approvedAmount;
        if (success) notifications.add(() -> listener.onVendSuccess(item, amount));
        else notifications.add(() -> listener.onVendFailure(r, amount)); // the reader voids; the next POLL's ACK says "refunded"
        clearVend();
        moveTo(CashlessState.SESSION_IDLE);
        return Optional.empty();
    }

    /** MDB 4.2 §7.4.9: END SESSION on the next POLL, back to ENABLED (or DISABLED if asked during the session). */
    private Optional<CashlessResponse> sessionComplete(CashlessCommand command) {
        if (state != CashlessState.SESSION_IDLE) return outOfSequence(command);
        outbox.removeIf(x -> x instanceof CashlessResponse.SessionCancelRequest);
        outbox.add(new CashlessResponse.EndSession());
        moveTo(disableAfterSession ? CashlessState.DISABLED : CashlessState.ENABLED);
        disableAfterSession = false;
        notifications.add(listener::onSessionComplete);
        return Optional.empty();
    }

    /** MDB 4.2 §7.3: ACK the command, change nothing, say COMMAND OUT OF SEQUENCE on the next POLL. */
    private Optional<CashlessResponse> outOfSequence(CashlessCommand command) {
        outbox.add(new CashlessResponse.CommandOutOfSequence());
        CashlessState at = state;
        notifications.add(() -> listener.onOutOfSequence(command, at));
        return Optional.empty();
    }

    private void clearVend() {
        vend = null;
        decided = false;
        approvedAmount = -1;
        approvalDelivered = false;
        vendSerial++; // a decision still in flight for the old vend is now stale
    }

    private void moveTo(CashlessState next) {
        if (next == state) return;
        CashlessState from = state;
        state = next;
        if (next == CashlessState.SESSION_IDLE && from != CashlessState.VEND) cancelRequested = false;
        if (next == CashlessState.SESSION_IDLE) idleSince = nanoTime.getAsLong();
        history.add(next);
        if (history.size() > 32) history.remove(0);
        notifications.add(() -> listener.onStateChange(from, next));
        notifyAll();
    }

    /** Runs the listener calls collected under the lock, outside it. */
    private void notifyListeners() {
        List<Runnable> due;
        synchronized (this) {
            if (notifications.isEmpty()) return;
            due = new ArrayList<>(notifications);
            notifications.clear();
        }
        for (Runnable r : due) r.run();
    }

    @Override
    public synchronized String toString() {
        return "CashlessPeripheral[" + state + (vend != null ? ", " + vend : "") + ", outbox " + outbox + "]";
    }
}
