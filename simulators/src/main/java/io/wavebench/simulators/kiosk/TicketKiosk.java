package io.wavebench.simulators.kiosk;

import io.wavebench.drivers.codes.CodeDecoder;
import io.wavebench.drivers.codes.CodeScanner;
import io.wavebench.drivers.codes.DecodeResult;
import io.wavebench.drivers.codes.PayloadCheck;
import io.wavebench.drivers.codes.Refusal;
import io.wavebench.drivers.escpos.EscPosWriter;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.PrintOutcome;
import io.wavebench.drivers.escpos.PrinterException;
import io.wavebench.drivers.escpos.PrinterState;
import io.wavebench.drivers.escpos.ReceiptPrinter;
import io.wavebench.drivers.optical.Camera;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.TicketStatus;
import io.wavebench.simulators.ticket.TicketCode;
import io.wavebench.simulators.ticket.TicketRefusal;
import io.wavebench.simulators.ticket.TicketVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The cinema kiosk reader (DESIGN §5.5): the phone holds its ticket code over the kiosk's camera;
 * the kiosk verifies it offline ({@link TicketVerifier}), checks it was not redeemed (its own
 * journal; the backend, which is authoritative, when it can be reached), prints it on its ESC/POS
 * printer (DLE EOT before and after, in {@link ReceiptPrinter#print}), and only when the print
 * went through marks it redeemed and reports it — at once when online, else at the next sync,
 * which it tries every {@link #SYNC_EVERY_MS} ms while reports are pending. Paper out redeems
 * nothing and says so; the same code shown again after a refill prints.
 *
 * <p>What the kiosk says is on its {@link #display()}, the screen a shopper reads.
 */
public final class TicketKiosk implements Startable {

    static final long SYNC_EVERY_MS = 300;
    private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** A redemption kept in the kiosk's journal; {@code reported} once the backend has it. */
    public record Redemption(long ticketId, Instant at, boolean reported) {}

    private final String kioskId;
    private final TicketVerifier verifier;
    private final ReceiptPrinter printer;
    private final BackendClient backend;
    private final Clock clock;
    private final String cinemaName;
    private final CodeScanner scanner;
    // Guarded by this.
    private final Map<Long, Redemption> journal = new LinkedHashMap<>();
    private final List<String> shown = new ArrayList<>();
    private volatile boolean running;
    private Thread syncing;

    public TicketKiosk(String kioskId, String cinemaName, Camera camera, TicketVerifier verifier, ReceiptPrinter printer, BackendClient backend, Clock clock) {
        this.kioskId = kioskId;
        this.cinemaName = cinemaName;
        this.verifier = verifier;
        this.printer = printer;
        this.backend = backend;
        this.clock = clock;
        this.scanner = new CodeScanner("kiosk-" + kioskId, camera, List.of(CodeDecoder.qr(TicketKiosk::ticketShape)), this::presented);
    }

    /** A ticket code's shape (length for its seat count, version 1), checked on every decoded value. */
    static Optional<Refusal> ticketShape(byte[] payload) {
        if (payload.length < TicketCode.length(1) || payload[0] != TicketCode.VERSION) return Optional.of(new Refusal("NOT_A_TICKET", payload.length + " bytes"));
        int seats = (payload.length - TicketCode.length(0)) / TicketCode.SEAT_BYTES;
        if (TicketCode.length(seats) != payload.length) return Optional.of(new Refusal("NOT_A_TICKET", payload.length + " bytes is no ticket length"));
        return Optional.empty();
    }

    public String kioskId() {
        return kioskId;
    }

    @Override
    public synchronized void start() {
        if (running) return;
        printer.open();
        running = true;
        show("READY: HOLD YOUR TICKET CODE OVER THE WINDOW");
        scanner.start();
        syncing = new Thread(this::syncLoop, "kiosk-" + kioskId + "-sync");
        syncing.setDaemon(true);
        syncing.start();
    }

    private void presented(DecodeResult.Decoded value) {
        pickUp(value.bytes());
    }

    /** One pickup, from the decoded ticket code to the printed ticket (or a refusal). */
    void pickUp(byte[] code) {
        TicketVerifier.Verdict verdict = verifier.verify(code);
        if (!verdict.valid()) {
            refuse(verdict.refusal(), verdict.detail());
            return;
        }
        TicketCode ticket = verdict.ticket();
        synchronized (this) {
            if (journal.containsKey(ticket.ticketId())) {
                refuse(TicketRefusal.ALREADY_REDEEMED, "at this kiosk at " + journal.get(ticket.ticketId()).at());
                return;
            }
        }
        try {
            TicketStatus status = backend.ticket(ticket.ticketId());
            if (!status.redemptions().isEmpty()) {
                refuse(TicketRefusal.ALREADY_REDEEMED, "at kiosk " + status.redemptions().get(0).kioskId() + " (backend)");
                return;
            }
        } catch (BackendException e) {
            if (e.error() != BackendError.BACKEND_UNREACHABLE) {
                refuse(TicketRefusal.FORGED, "the backend does not know it: " + e.error());
                return;
            }
            // Offline: the ticket was verified offline and the journal is the kiosk's best knowledge (DESIGN §5.5).
        }
        PrintOutcome outcome;
        try {
            outcome = printer.print(ticketJob(ticket));
        } catch (PrinterException e) {
            refuse(TicketRefusal.PRINTER_NOT_READY, e.getMessage());
            return;
        }
        if (!(outcome instanceof PrintOutcome.Printed)) {
            refuse(outcome.state() == PrinterState.PAPER_OUT ? TicketRefusal.PAPER_OUT : TicketRefusal.PRINTER_NOT_READY, outcome.toString());
            return;
        }
        Instant at = clock.instant();
        synchronized (this) {
            journal.put(ticket.ticketId(), new Redemption(ticket.ticketId(), at, false));
        }
        show("PRINTED TICKET " + ticket.ticketId() + " SEATS " + String.join(" ", ticket.seats()));
        report(ticket.ticketId());
    }

    byte[] ticketJob(TicketCode ticket) {
        return new EscPosWriter().initialize()
                .align(Justification.CENTER).size(2, 2).bold(true).line(cinemaName).bold(false).size(1, 1)
                .line("Show " + SHOW_TIME.format(ticket.showStartInstant()))
                .align(Justification.LEFT).bold(true).line("Seats " + String.join(" ", ticket.seats())).bold(false).feed(1)
                .align(Justification.CENTER).qr("WBT" + ticket.ticketId())
                .align(Justification.RIGHT).line("ticket " + ticket.ticketId())
                .line("kiosk " + kioskId)
                .cut().toBytes();
    }

    private void report(long ticketId) {
        Redemption r;
        synchronized (this) {
            r = journal.get(ticketId);
        }
        if (r == null || r.reported()) return;
        try {
            backend.reportRedemption(ticketId, kioskId, r.at());
            synchronized (this) {
                journal.put(ticketId, new Redemption(ticketId, r.at(), true));
            }
        } catch (BackendException e) {
            // Offline (or the backend refused): kept pending, tried again at the next sync.
        }
    }

    /** Reports every redemption the backend does not have yet; returns how many are still pending. */
    public int sync() {
        List<Long> pending;
        synchronized (this) {
            pending = journal.values().stream().filter(r -> !r.reported()).map(Redemption::ticketId).toList();
        }
        pending.forEach(this::report);
        return pendingReports();
    }

    public synchronized int pendingReports() {
        return (int) journal.values().stream().filter(r -> !r.reported()).count();
    }

    private void syncLoop() {
        while (running) {
            if (pendingReports() > 0) sync();
            LockSupport.parkNanos(SYNC_EVERY_MS * 1_000_000);
        }
    }

    private void refuse(TicketRefusal refusal, String detail) {
        show(refusal.displayText() + " (" + detail + ")");
    }

    private synchronized void show(String text) {
        shown.add(text);
        notifyAll();
    }

    /** What the kiosk's screen says now. */
    public synchronized String display() {
        return shown.get(shown.size() - 1);
    }

    /** Everything the screen said, oldest first. */
    public synchronized List<String> displayed() {
        return List.copyOf(shown);
    }

    public synchronized List<Redemption> journal() {
        return List.copyOf(journal.values());
    }

    public CodeScanner scanner() {
        return scanner;
    }

    @Override
    public void close() {
        running = false;
        scanner.close();
        Thread t = syncing;
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        printer.close();
    }
}
