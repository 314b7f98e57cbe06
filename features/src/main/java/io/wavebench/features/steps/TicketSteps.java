package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Backend;
import io.wavebench.fixtures.scenario.Kiosks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.awaitility.core.TerminalFailureException;
import org.opentest4j.AssertionFailedError;

/**
 * Ticket pickup at the cinema kiosk (DESIGN §5.5), observed as on a bench: what came out of the
 * kiosk's printer, and what the kiosk reported to the backend (its redemptions and its refusals),
 * from the moment the phone was held over it (its mark, {@link Kiosks}); never the kiosk's screen.
 *
 * <p>Assumes of the rig: kiosks ({@code codes.kiosks} in the rig file) with cameras that see the
 * phone's screen and printers wavebench reads, the rig's backend (ticketing), and, for the offline
 * steps, kiosk networks the rig can cut.
 */
public final class TicketSteps {

    private final Kiosks kiosks;
    private final Backend backend;
    /** The shopper's ticket: "the ticket". */
    private Backend.Ticket ticket;
    /** The shopper's second ticket: "that ticket". */
    private Backend.Ticket thatTicket;

    public TicketSteps(Kiosks kiosks, Backend backend) {
        this.kiosks = kiosks;
        this.backend = backend;
    }

    @ParameterType("malformed ticket|unknown ticketing key|forged ticket|ticket for another cinema|show is over|already redeemed|printer out of paper|printer not ready")
    public Kiosks.Refusal ticketRefusal(String description) {
        return Kiosks.Refusal.described(description);
    }

    /**
     * The phone's account buys a ticket from the rig's backend for the two seats at the rig's
     * cinema, for a show this many hours from the rig's clock; the backend signs it with the
     * ticketing key (DESIGN §5.5). Returns once the backend has answered; needs a rig with the
     * backend and kiosks (the code rig parts).
     */
    @Given("the shopper bought a ticket online for seats {word} and {word} at a show starting in {int} hours")
    public void theShopperBoughtATicket(String seat1, String seat2, int hours) {
        ticket = backend.buyTicket(List.of(seat1, seat2), Duration.ofHours(hours));
    }

    /**
     * A second ticket, for one seat at a show that started this many hours ago: "that ticket" in
     * later steps. Returns once the backend has answered.
     */
    @Given("the shopper also bought a ticket for seat {word} at a show that started {int} hours ago")
    public void theShopperAlsoBoughtAPastTicket(String seat, int hours) {
        thatTicket = backend.buyTicket(List.of(seat), Duration.ofHours(-hours));
    }

    /**
     * The phone shows the ticket's QR code on its screen and is held over the kiosk's camera. Takes
     * the kiosk's mark (what it had printed, refused and reported) that the following {@code Then}s
     * look after. A kiosk the rig does not have makes the scenario ABORTED here, before anything is shown.
     */
    @When("the phone shows the ticket code to kiosk {string}")
    public void thePhoneShowsTheTicket(String kiosk) {
        kiosks.show(ticket, kiosk);
    }

    /**
     * The phone is taken away from the kiosk (its camera sees an empty window, waited for up to 15
     * s) and the same ticket code is held over it again. Takes a new mark, as "the phone shows the
     * ticket code to kiosk …" does.
     */
    @When("the phone shows the ticket code to kiosk {string} again")
    public void thePhoneShowsTheTicketAgain(String kiosk) {
        kiosks.showAgain(ticket, kiosk, KioskAnswers.ANSWER_WITHIN);
    }

    /**
     * As "the phone shows the ticket code to kiosk …", with the second ticket, bought by "the
     * shopper also bought a ticket for seat …".
     */
    @When("the phone shows that ticket code to kiosk {string}")
    public void thePhoneShowsThatTicket(String kiosk) {
        kiosks.show(thatTicket, kiosk);
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
        Optional<Kiosks.Refused> refused = KioskAnswers.awaitAnswer(kiosks, kiosk);
        List<Kiosks.Printed> since = kiosks.printedSince(kiosk);
        assertTrue(refused.isEmpty(), () -> "kiosk " + kiosk + " refused: " + refused.get() + "; printed since: " + since.stream().map(Kiosks.Printed::lines).toList());
        assertEquals(1, since.size(), () -> "receipts printed since the phone was held over kiosk " + kiosk + ": " + since.stream().map(Kiosks.Printed::lines).toList());
        Kiosks.Printed printed = since.get(0);
        assertTrue(printed.cut(), () -> "the ticket was not cut off: " + printed.lines());
        List<String> lines = printed.lines();
        long shown = kiosks.ticketShown(kiosk);
        if (seat1 != null) assertTrue(lines.contains("Seats " + seat1 + " " + seat2), () -> "printed lines: " + lines);
        assertTrue(lines.contains("ticket " + shown), () -> "printed lines: " + lines);
        assertEquals(List.of("WBT" + shown), printed.qrPayloads(), "the QR code printed on the ticket");
    }

    /**
     * Waits up to 15 s after the code was shown for the kiosk's refusal report at the backend, and
     * checks its reason, its code and the ticket it names.
     */
    @Then("kiosk {string} refuses the ticket: {ticketRefusal}")
    public void kioskRefuses(String kiosk, Kiosks.Refusal refusal) {
        awaitRefusal(kiosk, refusal);
    }

    /** The kiosk's first refusal report since the phone was held over it: this refusal, of the ticket it was shown. */
    Kiosks.Refused awaitRefusal(String kiosk, Kiosks.Refusal refusal) {
        Kiosks.Refused reported = KioskAnswers.awaitRefusal(kiosks, kiosk);
        assertEquals(refusal.name(), reported.refusal(), () -> "kiosk " + kiosk + " reported " + reported);
        assertEquals(refusal.code(), reported.code(), () -> "the refusal's code: " + reported);
        assertEquals(kiosks.ticketShown(kiosk), reported.ticketId(), () -> "the ticket refused: " + reported);
        return reported;
    }

    /**
     * Counted once the kiosk answered the code it was last shown (a print or a refusal): nothing more comes of it.
     *
     * <p>Waits up to 15 s after the code was shown for the kiosk's answer; fails too when half a
     * ticket is left on the paper.
     */
    @Then("kiosk {string} printed {int} ticket(s)")
    public void kioskPrinted(String kiosk, int count) {
        KioskAnswers.awaitAnswer(kiosks, kiosk);
        List<Kiosks.Printed> printed = kiosks.printed(kiosk);
        long tickets = printed.stream().filter(Kiosks.Printed::cut).count();
        assertEquals(count, tickets, () -> "tickets cut off kiosk " + kiosk + "'s printer in this scenario: " + printed + ", events " + kiosks.printerEvents(kiosk));
        Optional<Kiosks.Printed> half = kiosks.onThePaper(kiosk);
        assertTrue(half.isEmpty(), () -> "half a ticket on the paper: " + half.get().lines());
    }

    /**
     * Waits up to 25 s (the kiosk's answer, then its report, which an offline kiosk sends at its
     * next sync) for the backend to hold exactly one redemption of the ticket, at this kiosk and
     * not flagged as a conflict; fails at once if the kiosk refused the ticket instead.
     */
    @Then("the backend records the ticket as redeemed at kiosk {string}")
    public void theBackendRecordsTheRedemption(String kiosk) {
        assertEquals(0, kiosks.redemptionsAtMark(kiosk), () -> "the ticket was already redeemed when the step acted: " + backend.redemptions(ticket));
        try {
            Deadlines.holds(await("the backend records the redemption at " + kiosk).atMost(KioskAnswers.ANSWER_WITHIN.plus(KioskAnswers.REPORTED_WITHIN))
                    .pollInterval(Duration.ofMillis(50))
                    // What the kiosk did instead settles it: a ticket it refused is not redeemed.
                    .failFast("kiosk " + kiosk + " refused the ticket instead", () -> !kiosks.refusalsSince(kiosk).isEmpty()),
                    () -> {
                        List<Backend.Redemption> r = backend.redemptions(ticket);
                        assertEquals(1, r.size(), () -> "redemptions " + r);
                        assertEquals(kiosk, r.get(0).kiosk());
                        assertTrue(!r.get(0).conflict(), () -> "flagged as a conflict: " + r);
                    });
        } catch (TerminalFailureException refused) {
            throw new AssertionFailedError("kiosk " + kiosk + " redeemed nothing: it refused the ticket, " + kiosks.refusalsSince(kiosk), refused);
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
        String kiosk = kiosks.lastShownTo(ticket).orElseThrow(() -> new IllegalStateException("the ticket was not shown to any kiosk in this scenario"));
        Optional<Kiosks.Refused> refused = KioskAnswers.awaitAnswer(kiosks, kiosk);
        if (refused.isEmpty()) {
            // Printed: a kiosk online reports at once, one offline at its next sync; give it that long.
            Deadlines.holdsThroughout(await("the backend holds no redemption of ticket " + ticket.id() + " for " + KioskAnswers.REPORT_WITHIN.toSeconds()
                            + " s after kiosk " + kiosk + " printed").pollInterval(Duration.ofMillis(100)),
                    KioskAnswers.REPORT_WITHIN, () -> assertEquals(List.of(), backend.redemptions(ticket), "redemptions the backend holds"));
        } else {
            assertEquals(List.of(), backend.redemptions(ticket), "redemptions the backend holds after kiosk " + kiosk + " refused the ticket");
        }
    }

    /**
     * The kiosk's simulated printer runs out of paper and says so in its status bytes (DLE EOT).
     * Assumes a rig whose kiosk printer is simulated; nothing is awaited.
     */
    @Given("the printer of kiosk {string} is out of paper")
    public void thePrinterIsOutOfPaper(String kiosk) {
        kiosks.runOutOfPaper(kiosk);
    }

    /**
     * The kiosk's simulated printer gets a new roll. Nothing is awaited: the next code held over
     * the kiosk finds the printer ready.
     */
    @When("the printer of kiosk {string} is refilled")
    public void thePrinterIsRefilled(String kiosk) {
        kiosks.refill(kiosk);
    }

    /**
     * Cuts the kiosk's network to the backend: it must verify tickets offline and report its
     * redemptions later. Assumes a rig whose kiosks' network it controls; nothing is awaited.
     */
    @Given("kiosk {string} has no network")
    public void kioskHasNoNetwork(String kiosk) {
        kiosks.cutNetwork(kiosk);
    }

    /**
     * Restores the kiosk's network; it reports what it did offline at its next sync. Takes the
     * kiosk's mark the following {@code Then}s look after.
     */
    @When("the network of kiosk {string} comes back")
    public void theNetworkComesBack(String kiosk) {
        kiosks.restoreNetwork(kiosk, ticket);
    }

    /**
     * Waits up to 10 s for the backend to hold a conflict for the ticket: redeemed at both kiosks,
     * exactly one of the two redemptions flagged as the conflict (DESIGN §5.5).
     */
    @Then("the backend flags the ticket as redeemed at both kiosk {string} and kiosk {string}")
    public void theBackendFlagsTheConflict(String first, String second) {
        Deadlines.holds(await("the backend flags the double redemption").atMost(KioskAnswers.REPORTED_WITHIN).pollInterval(Duration.ofMillis(50)), () -> {
            List<Backend.Redemption> c = backend.conflict(ticket)
                    .orElseThrow(() -> new AssertionError("no conflict for ticket " + ticket.id() + "; conflicts " + backend.conflicts()));
            assertEquals(List.of(first, second).stream().sorted().toList(), c.stream().map(Backend.Redemption::kiosk).sorted().toList());
            assertEquals(1, c.stream().filter(Backend.Redemption::conflict).count(), () -> "exactly one redemption is the conflict: " + c);
        });
    }
}
