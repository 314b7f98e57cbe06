package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.fixtures.scenario.Kiosks;
import java.time.Duration;
import java.util.Optional;

/**
 * A kiosk observed from outside (DESIGN §3, §5.5): what came out of its printer and what it
 * reported to the backend — its redemptions and its refusals — never its screen. A mark ({@link Kiosks})
 * is taken when the step acts (the phone held over the kiosk, its network back): assertions look only
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

    /** The first refusal the kiosk reported after its mark; fails naming what the kiosk did instead. */
    static Kiosks.Refused awaitRefusal(Kiosks kiosks, String kiosk) {
        Deadlines.holds(await("kiosk " + kiosk + " reports a refusal to the backend").atMost(ANSWER_WITHIN).pollInterval(Duration.ofMillis(50)),
                () -> assertTrue(!kiosks.refusalsSince(kiosk).isEmpty(), () -> "no refusal from kiosk " + kiosk
                        + " since the phone was held over it; it printed " + kiosks.printedSince(kiosk).size() + " receipt(s) since; printer events "
                        + kiosks.printerEvents(kiosk)));
        return kiosks.refusalsSince(kiosk).get(0);
    }

    /**
     * Waits until the kiosk answered after its mark — a ticket cut off its printer or a refusal at the
     * backend — and says which (a refusal when it reported one).
     */
    static Optional<Kiosks.Refused> awaitAnswer(Kiosks kiosks, String kiosk) {
        Deadlines.holds(await("kiosk " + kiosk + " answers the ticket code (a ticket printed, or a refusal reported)").atMost(ANSWER_WITHIN)
                .pollInterval(Duration.ofMillis(50)),
                () -> assertTrue(!kiosks.refusalsSince(kiosk).isEmpty() || kiosks.printedSince(kiosk).stream().anyMatch(Kiosks.Printed::cut),
                        () -> "kiosk " + kiosk + " neither printed a ticket nor reported a refusal; printer events " + kiosks.printerEvents(kiosk)));
        return kiosks.refusalsSince(kiosk).stream().findFirst();
    }
}
