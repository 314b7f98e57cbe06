package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.simulators.backend.api.KioskRefusal;
import io.wavebench.simulators.printer.PrintedReceipt;
import io.wavebench.simulators.printer.SimulatedPrinter;
import io.wavebench.simulators.ticket.TicketRefusal;
import io.wavebench.fixtures.scenario.ScenarioRig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kiosk's receipt printer in trouble (kiosk_printer.feature, DESIGN §5.5): each trouble is a
 * condition the simulated printer reports through its real status bytes, and is put right the way
 * staff would put it right. What the kiosk made of it is read from outside: the refusal it
 * reported to the backend (with what it told the shopper) and what came out of its printer.
 *
 * <p>Assumes of the rig: kiosks ({@code codes.kiosks} in the rig file) whose printers are
 * wavebench's simulated ESC/POS printers, and the rig's backend.
 */
public final class KioskPrinterSteps {

    /** The roll ends this many character rows into the ticket: after its header, before its QR code. */
    private static final long ROWS_LEFT = 3;

    /** The troubles, in the words of the feature. */
    public enum Trouble {
        COVER_OPEN("has its cover open"),
        OFFLINE("is offline"),
        CUTTER_JAMMED("has a jammed cutter"),
        SILENT("does not answer"),
        PAPER_ENDS_MID_TICKET("runs out of paper in the middle of a ticket");

        final String words;

        Trouble(String words) {
            this.words = words;
        }
    }

    private final ScenarioRig rig;
    private final TicketSteps tickets;
    private final Map<String, Trouble> troubles = new HashMap<>();

    public KioskPrinterSteps(ScenarioRig rig, TicketSteps tickets) {
        this.rig = rig;
        this.tickets = tickets;
    }

    private SimulatedPrinter printer(String kiosk) {
        return rig.session().codes().kiosk(kiosk).printer();
    }

    @ParameterType("has its cover open|is offline|has a jammed cutter|does not answer|runs out of paper in the middle of a ticket")
    public Trouble printerTrouble(String words) {
        return Arrays.stream(Trouble.values()).filter(t -> t.words.equals(words)).findFirst().orElseThrow();
    }

    /**
     * Puts the kiosk's simulated ESC/POS printer into a trouble it reports through its real status
     * bytes (DLE EOT): cover open, offline, a jammed cutter, no answer at all, or paper that ends
     * three rows into the next ticket. Assumes a rig whose kiosk printer is simulated; nothing is
     * awaited.
     */
    @Given("the printer of kiosk {string} {printerTrouble}")
    public void thePrinterIsInTrouble(String kiosk, Trouble trouble) {
        SimulatedPrinter p = printer(kiosk);
        switch (trouble) {
            case COVER_OPEN -> p.openCover();
            case OFFLINE -> p.goOffline();
            case CUTTER_JAMMED -> p.jamCutter();
            case SILENT -> p.silent(true);
            case PAPER_ENDS_MID_TICKET -> p.paperLastsRows(ROWS_LEFT);
        }
        troubles.put(kiosk, trouble);
    }

    /**
     * Puts right the printer trouble this scenario gave the kiosk, as staff would: closes the
     * cover, brings it online, clears the cutter, makes it answer again or refills the paper.
     * Nothing is awaited; the next step that holds a code over the kiosk sees the printer as it is
     * now.
     */
    @When("the printer of kiosk {string} is put right")
    public void thePrinterIsPutRight(String kiosk) {
        Trouble trouble = troubles.remove(kiosk);
        if (trouble == null) throw new IllegalStateException("the printer of kiosk " + kiosk + " had no trouble in this scenario");
        SimulatedPrinter p = printer(kiosk);
        switch (trouble) {
            case COVER_OPEN -> p.closeCover();
            case OFFLINE -> p.goOnline();
            case CUTTER_JAMMED -> p.clearError();
            case SILENT -> p.silent(false);
            case PAPER_ENDS_MID_TICKET -> p.refill();
        }
    }

    /**
     * Waits up to 15 s after the phone was last held over the kiosk for the kiosk's refusal report
     * at the backend, and checks its reason, its code, the ticket it names, and the words the kiosk
     * told the shopper.
     */
    @Then("kiosk {string} refuses the ticket: {ticketRefusal}, saying {string}")
    public void kioskRefusesSaying(String kiosk, TicketRefusal refusal, String why) {
        KioskRefusal reported = tickets.awaitRefusal(kiosk, refusal);
        assertEquals(why, reported.said(), () -> "what kiosk " + kiosk + " told the shopper, as it reported it: " + reported);
    }

    /**
     * Nothing cut off since the phone was held over the kiosk: at most a ticket stopped by paper
     * end, or one hanging on a jammed cutter. Settled once the kiosk reported its refusal: the job
     * is over by then.
     *
     * <p>Waits up to 15 s after the code was shown for the kiosk's answer.
     */
    @Then("no whole ticket came out of kiosk {string}")
    public void noWholeTicketCameOut(String kiosk) {
        tickets.awaitAnswer(kiosk);
        List<PrintedReceipt> receipts = tickets.receiptsSince(kiosk);
        assertTrue(receipts.stream().noneMatch(PrintedReceipt::cut), () -> "a ticket was cut off: " + receipts.stream().map(PrintedReceipt::nonBlankLines).toList()
                + "; printer events " + printer(kiosk).events());
    }
}
