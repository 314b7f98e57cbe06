package io.wavebench.simulators.reader;

import io.wavebench.drivers.codes.Refusal;
import io.wavebench.drivers.escpos.EscPosWriter;
import io.wavebench.drivers.escpos.Justification;
import io.wavebench.drivers.escpos.PrintOutcome;
import io.wavebench.drivers.escpos.PrinterException;
import io.wavebench.drivers.escpos.PrinterState;
import io.wavebench.drivers.escpos.ReceiptPrinter;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendError;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.backend.api.RefusalReport;
import io.wavebench.simulators.backend.api.TicketStatus;
import io.wavebench.simulators.refusal.ReaderRefusal;
import io.wavebench.simulators.ticket.TicketCode;
import io.wavebench.simulators.ticket.TicketVerifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reader's kiosk function (DESIGN §5.5): a ticket code the camera read is verified offline
 * ({@link TicketVerifier}), checked against the kiosk's own journal of redeemed tickets and, when
 * it is online, the backend (which is authoritative), printed on the ESC/POS printer (DLE EOT
 * before and after, in {@link ReceiptPrinter#print}), and only when the print went through marked
 * redeemed and reported. A refusal redeems nothing and is reported too, with what the kiosk told
 * the shopper ({@code COVER OPEN}), so an operator — and a scenario — sees it at the backend.
 * Reports go at once when the backend can be reached, else at the next sync ({@link Uplink}).
 *
 * <p>What the kiosk's own screen says is kept for its log and evidence ({@link #screen()}); no
 * scenario reads it, as none could on a real kiosk.
 */
final class TicketDesk implements AutoCloseable {

    /** In English wherever the kiosk runs: a ticket's bytes must not depend on the host's locale. */
    private static final DateTimeFormatter SHOW_TIME = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A redemption kept in the kiosk's journal; {@code reported} once the backend has it. */
    record Redemption(long ticketId, Instant at, boolean reported) {}

    private final KioskSettings settings;
    private final TicketVerifier verifier;
    private final ReceiptPrinter printer;
    /** Null for a kiosk with no network at all: it redeems offline and reports nothing. */
    private final Uplink uplink;
    private final Clock clock;
    private final ReaderLog log;
    // Guarded by this.
    private final Map<Long, Redemption> journal = new LinkedHashMap<>();
    private final List<RefusalReport> unreported = new ArrayList<>();
    private final List<String> screen = new ArrayList<>();

    TicketDesk(KioskSettings settings, ReceiptPrinter printer, Uplink uplink, Clock clock, ReaderLog log) {
        this.settings = settings;
        this.verifier = new TicketVerifier(settings.ticketingKeys(), settings.cinemaId(), clock, settings.pickupUntilAfterStart());
        this.printer = printer;
        this.uplink = uplink;
        this.clock = clock;
        this.log = log;
    }

    /** A ticket code's shape (length for its seat count, version 1): what the camera hands this desk. */
    static Optional<Refusal> ticketShape(byte[] payload) {
        if (payload.length < TicketCode.length(1) || payload[0] != TicketCode.VERSION) return Optional.of(new Refusal("NOT_A_TICKET", payload.length + " bytes"));
        int seats = (payload.length - TicketCode.length(0)) / TicketCode.SEAT_BYTES;
        if (TicketCode.length(seats) != payload.length) return Optional.of(new Refusal("NOT_A_TICKET", payload.length + " bytes is no ticket length"));
        return Optional.empty();
    }

    String kioskId() {
        return settings.kioskId();
    }

    void open() {
        printer.open();
        show("READY: HOLD YOUR TICKET CODE OVER THE WINDOW");
    }

    /** One pickup, from the decoded ticket code to the printed ticket (or a refusal). Runs on the camera's thread. */
    void present(byte[] code) {
        TicketVerifier.Verdict verdict = verifier.verify(code);
        if (!verdict.valid()) {
            refuse(verdict.ticket(), verdict.refusal(), verdict.refusal().label(), verdict.detail());
            return;
        }
        TicketCode ticket = verdict.ticket();
        synchronized (this) {
            Redemption before = journal.get(ticket.ticketId());
            if (before != null) {
                refuse(ticket, ReaderRefusal.ALREADY_REDEEMED, ReaderRefusal.ALREADY_REDEEMED.label(), "at this kiosk at " + before.at());
                return;
            }
        }
        if (uplink != null) {
            try {
                TicketStatus status = uplink.client().ticket(ticket.ticketId());
                uplink.reached(true, "ticket " + ticket.ticketId());
                if (!status.redemptions().isEmpty()) {
                    refuse(ticket, ReaderRefusal.ALREADY_REDEEMED, ReaderRefusal.ALREADY_REDEEMED.label(),
                            "at kiosk " + status.redemptions().get(0).kioskId() + " (backend)");
                    return;
                }
            } catch (BackendException e) {
                if (e.error() != BackendError.BACKEND_UNREACHABLE) {
                    refuse(ticket, ReaderRefusal.FORGED_TICKET, ReaderRefusal.FORGED_TICKET.label(), "the backend does not know it: " + e.error());
                    return;
                }
                // Offline: the ticket was verified offline and the journal is the kiosk's best knowledge (DESIGN §5.5).
                uplink.reached(false, e.getMessage());
            }
        }
        PrintOutcome outcome;
        try {
            outcome = printer.print(ticketJob(ticket));
        } catch (PrinterException e) {
            refuse(ticket, ReaderRefusal.PRINTER_NOT_READY, PrinterTrouble.of(e), e.getMessage());
            return;
        }
        if (!(outcome instanceof PrintOutcome.Printed)) {
            refuse(ticket, outcome.state() == PrinterState.PAPER_OUT ? ReaderRefusal.PAPER_OUT : ReaderRefusal.PRINTER_NOT_READY, PrinterTrouble.of(outcome),
                    outcome.toString());
            return;
        }
        Instant at = clock.instant();
        synchronized (this) {
            journal.put(ticket.ticketId(), new Redemption(ticket.ticketId(), at, false));
        }
        show("PRINTED TICKET " + ticket.ticketId() + " SEATS " + String.join(" ", ticket.seats()));
        log.add(new ReaderEvent(at, ReaderEvent.Kind.TICKET_PRINTED, "ticket " + ticket.ticketId() + ", seats " + ticket.seats(), null));
        if (uplink != null) {
            try {
                reportRedemption(uplink.client(), ticket.ticketId());
            } catch (BackendException e) {
                // Offline (or refused): kept pending, sent at the next sync.
            }
        }
    }

    byte[] ticketJob(TicketCode ticket) {
        return new EscPosWriter().initialize()
                .align(Justification.CENTER).size(2, 2).bold(true).line(settings.cinemaName()).bold(false).size(1, 1)
                .line("Show " + SHOW_TIME.format(ticket.showStartInstant()))
                .align(Justification.LEFT).bold(true).line("Seats " + String.join(" ", ticket.seats())).bold(false).feed(1)
                .align(Justification.CENTER).qr("WBT" + ticket.ticketId())
                .align(Justification.RIGHT).line("ticket " + ticket.ticketId())
                .line("kiosk " + settings.kioskId())
                .cut().toBytes();
    }

    /**
     * Nothing printed, nothing redeemed: the kiosk says why on its screen, and tells the backend
     * {@code said} (the shopper's words: a printer's trouble as its status bytes told it, else the
     * refusal's own words).
     */
    private void refuse(TicketCode ticket, ReaderRefusal refusal, String said, String detail) {
        show(refusal.displayText() + (said.equals(refusal.label()) ? "" : ": " + said) + " (" + detail + ")");
        Instant at = clock.instant();
        log.add(new ReaderEvent(at, ReaderEvent.Kind.TICKET_REFUSED, refusal + (ticket == null ? "" : ", ticket " + ticket.ticketId()) + ": " + said
                + " (" + detail + ")", null));
        RefusalReport report = new RefusalReport(UUID.randomUUID().toString(), ticket == null ? null : ticket.ticketId(), refusal.name(), refusal.code(),
                said.length() > RefusalReport.MAX_SAID ? said.substring(0, RefusalReport.MAX_SAID) : said, at);
        synchronized (this) {
            unreported.add(report);
        }
        if (uplink != null) {
            try {
                sendRefusals(uplink.client());
            } catch (BackendException e) {
                // Offline: queued, sent at the next sync.
            }
        }
    }

    /** The kiosk's share of a sync: every redemption and refusal the backend does not have yet. */
    void sync(BackendClient backend) {
        List<Long> pending;
        synchronized (this) {
            pending = journal.values().stream().filter(r -> !r.reported()).map(Redemption::ticketId).toList();
        }
        for (long ticketId : pending) reportRedemption(backend, ticketId);
        sendRefusals(backend);
    }

    private void reportRedemption(BackendClient backend, long ticketId) {
        Redemption r;
        synchronized (this) {
            r = journal.get(ticketId);
        }
        if (r == null || r.reported()) return;
        backend.reportRedemption(ticketId, settings.kioskId(), r.at());
        synchronized (this) {
            journal.put(ticketId, new Redemption(ticketId, r.at(), true));
        }
        log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.REPORTED, "redemption of ticket " + ticketId, null));
    }

    /** Sends queued refusal reports in order; one that fails stays, with the ones after it. */
    private void sendRefusals(BackendClient backend) {
        while (true) {
            RefusalReport next;
            synchronized (this) {
                if (unreported.isEmpty()) return;
                next = unreported.get(0);
            }
            backend.reportRefusal(settings.kioskId(), next);
            synchronized (this) {
                unreported.remove(next);
            }
            log.add(new ReaderEvent(clock.instant(), ReaderEvent.Kind.REPORTED, "refusal " + next.refusal() + " (" + next.said() + ")", null));
        }
    }

    synchronized int pendingReports() {
        return (int) journal.values().stream().filter(r -> !r.reported()).count() + unreported.size();
    }

    synchronized List<Redemption> journal() {
        return List.copyOf(journal.values());
    }

    private synchronized void show(String text) {
        screen.add(text);
    }

    /** Everything the kiosk's own screen said, oldest first (its log and evidence). */
    synchronized List<String> screen() {
        return List.copyOf(screen);
    }

    @Override
    public void close() {
        printer.close();
    }
}
