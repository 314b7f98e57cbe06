package io.wavebench.features.steps;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.codes.CodeRig;
import io.wavebench.simulators.backend.api.SoldTicket;
import io.wavebench.simulators.backend.api.TicketConflict;
import io.wavebench.simulators.backend.api.TicketOrder;
import io.wavebench.simulators.backend.api.TicketRedemption;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.ticket.TicketRefusal;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ticket pickup at the cinema kiosk (DESIGN §5.5). Outcomes are read from what came out of the
 * kiosk's printer and the backend's records, which a bench shows too, and from what the kiosk's
 * screen says, which is read inside the simulated kiosk ({@code @needs:reader-internals}).
 */
public final class TicketSteps {

    private static final long ACCOUNT = 4242;
    private static final Duration WITHIN = Duration.ofSeconds(15);

    private final ScenarioRig rig;
    private SoldTicket ticket;
    private SoldTicket thatTicket;
    /** Receipts each kiosk's printer had finished when the phone was last held over it. */
    private final Map<String, Integer> printedBefore = new HashMap<>();
    private final Map<String, Integer> displayedBefore = new HashMap<>();

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

    @Given("the shopper bought a ticket online for seats {word} and {word} at a show starting in {int} hours")
    public void theShopperBoughtATicket(String seat1, String seat2, int hours) {
        ticket = buy(List.of(seat1, seat2), Duration.ofHours(hours));
    }

    @Given("the shopper also bought a ticket for seat {word} at a show that started {int} hours ago")
    public void theShopperAlsoBoughtAPastTicket(String seat, int hours) {
        thatTicket = buy(List.of(seat), Duration.ofHours(-hours));
    }

    private SoldTicket buy(List<String> seats, Duration fromNow) {
        CodeRig c = codes();
        return c.phoneBackend().buyTicket(new TicketOrder(ACCOUNT, c.cinemaId(), rig.session().clock().instant().plus(fromNow), seats));
    }

    @When("the phone shows the ticket code to kiosk {string}")
    public void thePhoneShowsTheTicket(String kiosk) {
        show(ticket, kiosk, false);
    }

    @When("the phone shows the ticket code to kiosk {string} again")
    public void thePhoneShowsTheTicketAgain(String kiosk) {
        show(ticket, kiosk, true);
    }

    @When("the phone shows that ticket code to kiosk {string}")
    public void thePhoneShowsThatTicket(String kiosk) {
        show(thatTicket, kiosk, false);
    }

    private void show(SoldTicket t, String kiosk, boolean again) {
        CodeRig.Kiosk k = codes().kiosk(kiosk);
        if (again) {
            // Taken away and held again: the kiosk must see its window empty in between, as a real one would.
            codes().liftPhone();
            k.camera().awaitEmptyFrame(WITHIN);
        }
        printedBefore.put(kiosk, k.printer().receipts().size());
        displayedBefore.put(kiosk, k.kiosk().displayed().size());
        codes().phone().showTicket(t.code());
        codes().holdPhoneOver(kiosk);
    }

    @Given("the ticket was picked up at kiosk {string}")
    public void theTicketWasPickedUp(String kiosk) {
        thePhoneShowsTheTicket(kiosk);
        kioskPrintsTheTicket(kiosk, null, null);
    }

    @Then("kiosk {string} prints the ticket with seats {word} and {word}")
    public void kioskPrintsTheTicket(String kiosk, String seat1, String seat2) {
        CodeRig.Kiosk k = codes().kiosk(kiosk);
        int before = printedBefore.getOrDefault(kiosk, 0);
        PrintedReceipt printed = k.printer().awaitReceipts(before + 1, WITHIN).get(before);
        assertTrue(printed.cut(), () -> "the ticket was not cut off: " + printed.nonBlankLines());
        List<String> lines = printed.nonBlankLines();
        if (seat1 != null) assertTrue(lines.contains("Seats " + seat1 + " " + seat2), () -> "printed lines: " + lines);
        assertTrue(lines.contains("ticket " + ticket.ticketId()), () -> "printed lines: " + lines);
        assertEquals(List.of("WBT" + ticket.ticketId()), printed.qrPayloads(), "the QR code printed on the ticket");
        awaitDisplay(kiosk, "PRINTED TICKET " + ticket.ticketId());
    }

    @Then("kiosk {string} refuses the ticket: {ticketRefusal}")
    public void kioskRefuses(String kiosk, TicketRefusal refusal) {
        awaitDisplay(kiosk, refusal.displayText());
    }

    @Then("kiosk {string} printed {int} ticket(s)")
    public void kioskPrinted(String kiosk, int count) {
        CodeRig.Kiosk k = codes().kiosk(kiosk);
        assertEquals(count, k.printer().receipts().size(), () -> "receipts " + k.printer().receipts() + ", events " + k.printer().events());
        assertTrue(k.printer().inProgress().isEmpty(), () -> "half a ticket on the paper: " + k.printer().inProgress().nonBlankLines());
    }

    @Then("the backend records the ticket as redeemed at kiosk {string}")
    public void theBackendRecordsTheRedemption(String kiosk) {
        await("the backend records the redemption at " + kiosk).atMost(WITHIN).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<TicketRedemption> r = codes().phoneBackend().ticket(ticket.ticketId()).redemptions();
            assertEquals(1, r.size(), () -> "redemptions " + r);
            assertEquals(kiosk, r.get(0).kioskId());
            assertTrue(!r.get(0).conflict(), () -> "flagged as a conflict: " + r);
        });
    }

    @Then("the backend has no redemption of the ticket")
    public void theBackendHasNoRedemption() {
        List<TicketRedemption> r = codes().phoneBackend().ticket(ticket.ticketId()).redemptions();
        assertEquals(List.of(), r, "redemptions the backend holds");
    }

    @Given("the printer of kiosk {string} is out of paper")
    public void thePrinterIsOutOfPaper(String kiosk) {
        codes().kiosk(kiosk).printer().runOutOfPaper();
    }

    @When("the printer of kiosk {string} is refilled")
    public void thePrinterIsRefilled(String kiosk) {
        codes().kiosk(kiosk).printer().refill();
    }

    @Given("kiosk {string} has no network")
    public void kioskHasNoNetwork(String kiosk) {
        codes().kiosk(kiosk).network().cut();
    }

    @When("the network of kiosk {string} comes back")
    public void theNetworkComesBack(String kiosk) {
        codes().kiosk(kiosk).network().restore();
    }

    @Then("the backend flags the ticket as redeemed at both kiosk {string} and kiosk {string}")
    public void theBackendFlagsTheConflict(String first, String second) {
        await("the backend flags the double redemption").atMost(WITHIN).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<TicketConflict> conflicts = codes().phoneBackend().ticketConflicts();
            TicketConflict c = conflicts.stream().filter(x -> x.ticketId() == ticket.ticketId()).findFirst()
                    .orElseThrow(() -> new AssertionError("no conflict for ticket " + ticket.ticketId() + "; conflicts " + conflicts));
            assertEquals(List.of(first, second).stream().sorted().toList(), c.redemptions().stream().map(TicketRedemption::kioskId).sorted().toList());
            assertEquals(1, c.redemptions().stream().filter(TicketRedemption::conflict).count(), () -> "exactly one redemption is the conflict: " + c);
        });
    }

    void awaitDisplay(String kiosk, String prefix) {
        // What the kiosk's screen says is read from inside the simulated kiosk (DESIGN §3): only
        // for scenarios tagged @needs:reader-internals, which a rig without it ABORTS before they start.
        if (!rig.session().rig().has("reader-internals")) {
            throw new IllegalStateException("needs:reader-internals: reading kiosk " + kiosk + "'s screen, which rig '" + rig.session().rig().name() + "' cannot show");
        }
        CodeRig.Kiosk k = codes().kiosk(kiosk);
        int skip = displayedBefore.getOrDefault(kiosk, 0);
        await("kiosk " + kiosk + " shows " + prefix).atMost(WITHIN).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            List<String> said = k.kiosk().displayed();
            assertTrue(said.stream().skip(skip).anyMatch(s -> s.startsWith(prefix)),
                    () -> "kiosk said " + said.subList(Math.min(skip, said.size()), said.size()) + "; camera: " + k.kiosk().scanner().frames()
                            + " frames, last failure " + k.kiosk().scanner().lastFailure());
        });
    }
}
