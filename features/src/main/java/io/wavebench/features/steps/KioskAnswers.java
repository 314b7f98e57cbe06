package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.printer.PrintedReceipt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A kiosk observed from outside (DESIGN §3, §5.5): what came out of its printer and what it
 * reported to the backend — its redemptions and its refusals — never its screen. A {@link Mark} is
 * taken when the step acts (the phone held over the kiosk, its network back): assertions look only
 * at what came after it.
 */
final class KioskAnswers {

    /**
     * From a ticket code held over the kiosk to its answer: frames through the code ladder, the
     * backend's word on the ticket, DLE EOT before and after, the job itself, and the report.
     */
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    /**
     * How long a kiosk that printed takes to report it to the backend: at once (a request of a few
     * milliseconds here), or, if that request failed, at its next sync (the rig's {@code syncEvery},
     * 2 s) — with slack for a loaded machine. A negative ("no redemption") holds only after it.
     */
    static final Duration REPORT_WITHIN = Duration.ofSeconds(4);
    /**
     * How long a positive may wait for a report: past {@link #REPORT_WITHIN}, a sync's request may
     * take up to the reader's 3 s network timeout when the backend is slow to answer.
     */
    static final Duration REPORTED_WITHIN = Duration.ofSeconds(10);

    private KioskAnswers() {}

    /** What had happened at a kiosk when a step acted: receipts printed, refusals and redemptions at the backend. */
    record Mark(String kiosk, int receipts, int refusals, int redemptions) {}

    static Mark mark(CodeRig codes, String kiosk, long ticketId) {
        CodeRig.Kiosk k = codes.kiosk(kiosk);
        BackendClient backend = codes.phoneBackend();
        return new Mark(kiosk, k.printer().receipts().size(), backend.kioskRefusals(kiosk).size(), backend.ticket(ticketId).redemptions().size());
    }

    /** The receipts the kiosk's printer finished after the mark. */
    static List<PrintedReceipt> receiptsSince(CodeRig codes, Mark mark) {
        List<PrintedReceipt> all = codes.kiosk(mark.kiosk()).printer().receipts();
        return all.subList(Math.min(mark.receipts(), all.size()), all.size());
    }

    /** The refusals the kiosk reported after the mark, in the order the backend got them. */
    static List<KioskRefusal> refusalsSince(CodeRig codes, Mark mark) {
        List<KioskRefusal> all = codes.phoneBackend().kioskRefusals(mark.kiosk());
        return all.subList(Math.min(mark.refusals(), all.size()), all.size());
    }

    /** The first refusal the kiosk reported after the mark; fails naming what the kiosk did instead. */
    static KioskRefusal awaitRefusal(CodeRig codes, Mark mark) {
        Deadlines.holds(await("kiosk " + mark.kiosk() + " reports a refusal to the backend").atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(50)),
                () -> assertTrue(!refusalsSince(codes, mark).isEmpty(), () -> "no refusal from kiosk " + mark.kiosk()
                        + " since the phone was held over it; it printed " + receiptsSince(codes, mark).size() + " receipt(s) since; printer events "
                        + codes.kiosk(mark.kiosk()).printer().events()));
        return refusalsSince(codes, mark).get(0);
    }

    /**
     * Waits until the kiosk answered after the mark — a ticket cut off its printer or a refusal at the
     * backend — and says which (a refusal when it reported one).
     */
    static Optional<KioskRefusal> awaitAnswer(CodeRig codes, Mark mark) {
        Deadlines.holds(await("kiosk " + mark.kiosk() + " answers the ticket code (a ticket printed, or a refusal reported)").atMost(ANSWER_WITHIN)
                .pollInterval(Duration.ofMillis(50)),
                () -> assertTrue(!refusalsSince(codes, mark).isEmpty() || receiptsSince(codes, mark).stream().anyMatch(PrintedReceipt::cut),
                        () -> "kiosk " + mark.kiosk() + " neither printed a ticket nor reported a refusal; printer events " + codes.kiosk(mark.kiosk()).printer().events()));
        return refusalsSince(codes, mark).stream().findFirst();
    }
}
