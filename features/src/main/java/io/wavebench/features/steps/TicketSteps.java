package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketConflict;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TicketRedemption;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.ticket.TicketRefusal;
import io.wavebench.fixtures.scenario.ScenarioRig;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.TerminalFailureException;
import org.opentest4j.AssertionFailedError;

/**
 * Ticket pickup at the cinema kiosk (DESIGN §5.5), observed as on a bench: what came out of the
 * kiosk's printer, and what the kiosk reported to the backend (its redemptions and its refusals),
 * from the moment the phone was held over it ({@link KioskAnswers.Mark}); never the kiosk's screen.
 *
 * <p>Assumes of the rig: kiosks ({@code codes.kiosks} in the rig file) with cameras that see the
 * phone's screen and printers wavebench reads, the rig's backend (ticketing), and, for the offline
 * steps, kiosk networks the rig can cut.
 */
public final class TicketSteps {

    private static final long ACCOUNT = 4242;

    private final ScenarioRig rig;
    private SoldTicket ticket;
    private SoldTicket thatTicket;
    /** Per kiosk: what had happened there when a step last acted on it. */
    private final Map<String, KioskAnswers.Mark> marks = new HashMap<>();
    /** The ticket the phone last showed each kiosk. */
    private final Map<String, SoldTicket> shown = new HashMap<>();

    public TicketSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    private CodeRig codes() {
        return rig.session().codes();
    }

    @ParameterType("malformed ticket|unknown ticketing key|forged ticket|ticket for another cinema|show is over|already redeemed|printer out of paper|printer not ready")
    public TicketRefusal ticketRefusal(String description) {
        return Arrays.stream(TicketRefusal.values()).filter(r -> r.description().equals(description)).findFirst().orElseThrow();
    }

    /**
     * The phone's account buys a ticket from the rig's backend for the two seats at the rig's
     * cinema, for a show this many hours from the rig's clock; the backend signs it with the
     * ticketing key (DESIGN §5.5). Returns once the backend has answered; needs a rig with the
     * backend and kiosks (the code rig parts).
     */
    @Given("the shopper bought a ticket online for seats {word} and {word} at a show starting in {int} hours")
    public void theShopperBoughtATicket(String seat1, String seat2, int hours) {
        ticket = buy(List.of(seat1, seat2), Duration.ofHours(hours));
    }

    /**
     * A second ticket, for one seat at a show that started this many hours ago: "that ticket" in
     * later steps. Returns once the backend has answered.
     */
    @Given("the shopper also bought a ticket for seat {word} at a show that started {int} hours ago")
    public void theShopperAlsoBoughtAPastTicket(String seat, int hours) {
        thatTicket = buy(List.of(seat), Duration.ofHours(-hours));
    }

    private SoldTicket buy(List<String> seats, Duration fromNow) {
        CodeRig c = codes();
        return c.phoneBackend().buyTicket(new TicketOrder(ACCOUNT, c.cinemaId(), rig.session().clock().instant().plus(fromNow), seats));
    }

    /**
     * The phone shows the ticket's QR code on its screen and is held over the kiosk's camera. Takes
     * the kiosk's mark (what it had printed, refused and reported) that the following {@code Then}s
     * look after. A kiosk the rig does not have makes the scenario ABORTED here, before anything is shown.
     */
    @When("the phone shows the ticket code to kiosk {string}")
    public void thePhoneShowsTheTicket(String kiosk) {
        show(ticket, kiosk, false);
    }

    /**
     * The phone is taken away from the kiosk (its camera sees an empty window, waited for up to 15
     * s) and the same ticket code is held over it again. Takes a new mark, as "the phone shows the
     * ticket code to kiosk …" does.
     */
    @When("the phone shows the ticket code to kiosk {string} again")
    public void thePhoneShowsTheTicketAgain(String kiosk) {
        show(ticket, kiosk, true);
    }

    /**
     * As "the phone shows the ticket code to kiosk …", with the second ticket, bought by "the
     * shopper also bought a ticket for seat …".
     */
    @When("the phone shows that ticket code to kiosk {string}")
    public void thePhoneShowsThatTicket(String kiosk) {
        show(thatTicket, kiosk, false);
    }

    private void show(SoldTicket t, String kiosk, boolean again) {
        codes().kiosk(kiosk); // a kiosk the rig does not have aborts the scenario here, before anything is shown
        // Taken away and held again: the kiosk must see its window empty in between, as a real one would.
        if (again) codes().takePhoneAwayFrom(kiosk, KioskAnswers.ANSWER_WITHIN);
        marks.put(kiosk, KioskAnswers.mark(codes(), kiosk, t.ticketId()));
        shown.put(kiosk, t);
        codes().phone().showTicket(t.code());
        codes().holdPhoneOver(kiosk);
    }

    private KioskAnswers.Mark mark(String kiosk) {
        KioskAnswers.Mark m = marks.get(kiosk);
        if (m == null) throw new IllegalStateException("nothing was shown to kiosk " + kiosk + " in this scenario");
        return m;
    }

    /**
     * A pickup as a precondition: the ticket code is shown to the kiosk, the kiosk prints it (a cut
     * ticket naming the ticket and its QR code, up to 15 s) and the backend records it as redeemed
     * there (up to 25 s in all).
     */
    @Given("the ticket was picked up at kiosk {string}")
    public void theTicketWasPickedUp(String kiosk) {
        thePhoneShowsTheTicket(kiosk);
        kioskPrintsTheTicket(kiosk, null, null);
        theBackendRecordsTheRedemption(kiosk);
    }

    /**
     * Waits up to 15 s after the code was shown for the kiosk's answer, and checks it printed
     * exactly one ticket since: cut off, naming these seats and the ticket, with the ticket's QR
     * code on it. Fails naming the refusal if the kiosk refused instead.
     */
    @Then("kiosk {string} prints the ticket with seats {word} and {word}")
    public void kioskPrintsTheTicket(String kiosk, String seat1, String seat2) {
        KioskAnswers.Mark m = mark(kiosk);
        Optional<KioskRefusal> refused = KioskAnswers.awaitAnswer(codes(), m);
        List<PrintedReceipt> since = KioskAnswers.receiptsSince(codes(), m);
        assertTrue(refused.isEmpty(), () -> "kiosk " + kiosk + " refused: " + refused.get() + "; printed since: " + since.stream().map(PrintedReceipt::nonBlankLines).toList());
        assertEquals(1, since.size(), () -> "receipts printed since the phone was held over kiosk " + kiosk + ": " + since.stream().map(PrintedReceipt::nonBlankLines).toList());
        PrintedReceipt printed = since.get(0);
        assertTrue(printed.cut(), () -> "the ticket was not cut off: " + printed.nonBlankLines());
        List<String> lines = printed.nonBlankLines();
        SoldTicket t = shown.get(kiosk);
        if (seat1 != null) assertTrue(lines.contains("Seats " + seat1 + " " + seat2), () -> "printed lines: " + lines);
        assertTrue(lines.contains("ticket " + t.ticketId()), () -> "printed lines: " + lines);
        assertEquals(List.of("WBT" + t.ticketId()), printed.qrPayloads(), "the QR code printed on the ticket");
    }

    /**
     * Waits up to 15 s after the code was shown for the kiosk's refusal report at the backend, and
     * checks its reason, its code and the ticket it names.
     */
    @Then("kiosk {string} refuses the ticket: {ticketRefusal}")
    public void kioskRefuses(String kiosk, TicketRefusal refusal) {
        awaitRefusal(kiosk, refusal);
    }

    /** The kiosk's first refusal report since the phone was held over it: this refusal, of the ticket it was shown. */
    KioskRefusal awaitRefusal(String kiosk, TicketRefusal refusal) {
        KioskRefusal reported = KioskAnswers.awaitRefusal(codes(), mark(kiosk));
        assertEquals(refusal.name(), reported.refusal(), () -> "kiosk " + kiosk + " reported " + reported);
        assertEquals(refusal.code(), reported.code(), () -> "the refusal's code: " + reported);
        assertEquals(shown.get(kiosk).ticketId(), reported.ticketId(), () -> "the ticket refused: " + reported);
        return reported;
    }

    /** The kiosk's answer to what it was last shown: a refusal when it reported one, else a print. */
    Optional<KioskRefusal> awaitAnswer(String kiosk) {
        return KioskAnswers.awaitAnswer(codes(), mark(kiosk));
    }

    /** What the kiosk's printer finished since it was last shown something. */
    List<PrintedReceipt> receiptsSince(String kiosk) {
        return KioskAnswers.receiptsSince(codes(), mark(kiosk));
    }

    /**
     * Counted once the kiosk answered the code it was last shown (a print or a refusal): nothing more comes of it.
     *
     * <p>Waits up to 15 s after the code was shown for the kiosk's answer; fails too when half a
     * ticket is left on the paper.
     */
    @Then("kiosk {string} printed {int} ticket(s)")
    public void kioskPrinted(String kiosk, int count) {
        KioskAnswers.awaitAnswer(codes(), mark(kiosk));
        CodeRig.Kiosk k = codes().kiosk(kiosk);
        long tickets = k.printer().receipts().stream().filter(PrintedReceipt::cut).count();
        assertEquals(count, tickets, () -> "tickets cut off kiosk " + kiosk + "'s printer in this scenario: " + k.printer().receipts() + ", events " + k.printer().events());
        assertTrue(k.printer().inProgress().isEmpty(), () -> "half a ticket on the paper: " + k.printer().inProgress().nonBlankLines());
    }

    /**
     * Waits up to 25 s (the kiosk's answer, then its report, which an offline kiosk sends at its
     * next sync) for the backend to hold exactly one redemption of the ticket, at this kiosk and
     * not flagged as a conflict; fails at once if the kiosk refused the ticket instead.
     */
    @Then("the backend records the ticket as redeemed at kiosk {string}")
    public void theBackendRecordsTheRedemption(String kiosk) {
        KioskAnswers.Mark m = mark(kiosk);
        assertEquals(0, m.redemptions(), () -> "the ticket was already redeemed when the step acted: " + codes().phoneBackend().ticket(ticket.ticketId()).redemptions());
        try {
            Deadlines.holds(await("the backend records the redemption at " + kiosk).atMost(KioskAnswers.ANSWER_WITHIN.plus(KioskAnswers.REPORTED_WITHIN))
                    .pollInterval(Duration.ofMillis(50))
                    // What the kiosk did instead settles it: a ticket it refused is not redeemed.
                    .failFast("kiosk " + kiosk + " refused the ticket instead", () -> !KioskAnswers.refusalsSince(codes(), m).isEmpty()),
                    () -> {
                        List<TicketRedemption> r = codes().phoneBackend().ticket(ticket.ticketId()).redemptions();
                        assertEquals(1, r.size(), () -> "redemptions " + r);
                        assertEquals(kiosk, r.get(0).kioskId());
                        assertTrue(!r.get(0).conflict(), () -> "flagged as a conflict: " + r);
                    });
        } catch (TerminalFailureException refused) {
            throw new AssertionFailedError("kiosk " + kiosk + " redeemed nothing: it refused the ticket, " + KioskAnswers.refusalsSince(codes(), m), refused);
        }
    }

    /**
     * A negative, settled by what the kiosk did instead: once it refused the ticket nothing is
     * redeemed for that showing; after a print, only once the kiosk has had its time to report it.
     *
     * <p>Waits up to 15 s after the code was shown for the kiosk's answer, then, after a print,
     * watches the backend for 4 s ({@code KioskAnswers.REPORT_WITHIN}).
     */
    @Then("the backend has no redemption of the ticket")
    public void theBackendHasNoRedemption() {
        String kiosk = shown.entrySet().stream().filter(e -> e.getValue() == ticket).map(Map.Entry::getKey).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the ticket was not shown to any kiosk in this scenario"));
        Optional<KioskRefusal> refused = KioskAnswers.awaitAnswer(codes(), mark(kiosk));
        if (refused.isEmpty()) {
            // Printed: a kiosk online reports at once, one offline at its next sync; give it that long.
            long until = System.nanoTime() + KioskAnswers.REPORT_WITHIN.toNanos();
            while (System.nanoTime() < until) {
                assertEquals(List.of(), codes().phoneBackend().ticket(ticket.ticketId()).redemptions(), "redemptions the backend holds");
                java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            }
        }
        assertEquals(List.of(), codes().phoneBackend().ticket(ticket.ticketId()).redemptions(), "redemptions the backend holds");
    }

    /**
     * The kiosk's simulated printer runs out of paper and says so in its status bytes (DLE EOT).
     * Assumes a rig whose kiosk printer is simulated; nothing is awaited.
     */
    @Given("the printer of kiosk {string} is out of paper")
    public void thePrinterIsOutOfPaper(String kiosk) {
        codes().kiosk(kiosk).printer().runOutOfPaper();
    }

    /**
     * The kiosk's simulated printer gets a new roll. Nothing is awaited: the next code held over
     * the kiosk finds the printer ready.
     */
    @When("the printer of kiosk {string} is refilled")
    public void thePrinterIsRefilled(String kiosk) {
        codes().kiosk(kiosk).printer().refill();
    }

    /**
     * Cuts the kiosk's network to the backend: it must verify tickets offline and report its
     * redemptions later. Assumes a rig whose kiosks' network it controls; nothing is awaited.
     */
    @Given("kiosk {string} has no network")
    public void kioskHasNoNetwork(String kiosk) {
        codes().kiosk(kiosk).network().cut();
    }

    /**
     * Restores the kiosk's network; it reports what it did offline at its next sync. Takes the
     * kiosk's mark the following {@code Then}s look after.
     */
    @When("the network of kiosk {string} comes back")
    public void theNetworkComesBack(String kiosk) {
        marks.put(kiosk, KioskAnswers.mark(codes(), kiosk, ticket.ticketId()));
        codes().kiosk(kiosk).network().restore();
    }

    /**
     * Waits up to 10 s for the backend to hold a conflict for the ticket: redeemed at both kiosks,
     * exactly one of the two redemptions flagged as the conflict (DESIGN §5.5).
     */
    @Then("the backend flags the ticket as redeemed at both kiosk {string} and kiosk {string}")
    public void theBackendFlagsTheConflict(String first, String second) {
        Deadlines.holds(await("the backend flags the double redemption").atMost(KioskAnswers.REPORTED_WITHIN).pollInterval(Duration.ofMillis(50)), () -> {
            List<TicketConflict> conflicts = codes().phoneBackend().ticketConflicts();
            TicketConflict c = conflicts.stream().filter(x -> x.ticketId() == ticket.ticketId()).findFirst()
                    .orElseThrow(() -> new AssertionError("no conflict for ticket " + ticket.ticketId() + "; conflicts " + conflicts));
            assertEquals(List.of(first, second).stream().sorted().toList(), c.redemptions().stream().map(TicketRedemption::kioskId).sorted().toList());
            assertEquals(1, c.redemptions().stream().filter(TicketRedemption::conflict).count(), () -> "exactly one redemption is the conflict: " + c);
        });
    }
}
