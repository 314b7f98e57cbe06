package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Kiosks;
import io.wavebench.fixtures.scenario.Kiosks.PrinterTrouble;
import java.util.List;

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

    private final Kiosks kiosks;
    private final TicketSteps tickets;

    public KioskPrinterSteps(Kiosks kiosks, TicketSteps tickets) {
        this.kiosks = kiosks;
        this.tickets = tickets;
    }

    @ParameterType("has its cover open|is offline|has a jammed cutter|does not answer|runs out of paper in the middle of a ticket")
    public PrinterTrouble printerTrouble(String words) {
        return PrinterTrouble.inWords(words);
    }

    /**
     * Puts the kiosk's simulated ESC/POS printer into a trouble it reports through its real status
     * bytes (DLE EOT): cover open, offline, a jammed cutter, no answer at all, or paper that ends
     * three rows into the next ticket. Assumes a rig whose kiosk printer is simulated; nothing is
     * awaited.
     */
    @Given("the printer of kiosk {string} {printerTrouble}")
    public void thePrinterIsInTrouble(String kiosk, PrinterTrouble trouble) {
        kiosks.printerTrouble(kiosk, trouble);
    }

    /**
     * Puts right the printer trouble this scenario gave the kiosk, as staff would: closes the
     * cover, brings it online, clears the cutter, makes it answer again or refills the paper.
     * Nothing is awaited; the next step that holds a code over the kiosk sees the printer as it is
     * now.
     */
    @When("the printer of kiosk {string} is put right")
    public void thePrinterIsPutRight(String kiosk) {
        kiosks.putPrinterRight(kiosk);
    }

    /**
     * Waits up to 15 s after the phone was last held over the kiosk for the kiosk's refusal report
     * at the backend, and checks its reason, its code, the ticket it names, and the words the kiosk
     * told the shopper.
     */
    @Then("kiosk {string} refuses the ticket: {ticketRefusal}, saying {string}")
    public void kioskRefusesSaying(String kiosk, Kiosks.Refusal refusal, String why) {
        Kiosks.Refused reported = tickets.awaitRefusal(kiosk, refusal);
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
        KioskAnswers.awaitAnswer(kiosks, kiosk);
        List<Kiosks.Printed> receipts = kiosks.printedSince(kiosk);
        assertTrue(receipts.stream().noneMatch(Kiosks.Printed::cut), () -> "a ticket was cut off: " + receipts.stream().map(Kiosks.Printed::lines).toList()
                + "; printer events " + kiosks.printerEvents(kiosk));
    }
}
