package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Cards;
import java.util.List;

/**
 * Card-photo binding (DESIGN §5.4): the phone shows a photo of a card over the reader's window;
 * the reader reads it in its own frame loop and says what it made of it on the vending machine's
 * display (the masked number, a refusal, or a retake), and the backend holds the token. Outcomes
 * are read there only — the display as the VMC decoded it, and the backend's card tokens — from the
 * moment the photo was shown on ({@link #showThePhoto}).
 *
 * <p>Assumes of the rig: a reader with a camera that sees the phone's screen, the rig's backend
 * for tokenization, and a vending machine whose display shows the reader's answers. The photos are
 * synthetic, from the seeded test cards.
 */
public final class CardPhotoSteps {

    private final Cards cards;

    public CardPhotoSteps(Cards cards) {
        this.cards = cards;
    }

    /** Every log event of a card scenario is kept in memory, to be searched for the number. */
    @Before("@card")
    public void tapTheLog(io.cucumber.java.Scenario scenario) {
        // Each scenario its own cards, the same on every run.
        cards.seedFor(scenario.getName());
        cards.tapTheLog();
    }

    @After("@card")
    public void untapTheLog() {
        cards.untapTheLog();
    }

    /**
     * Renders a synthetic photo of the next card from the seeded test cards (a valid PAN, a layout,
     * a font, a background), with its ground truth kept for the checks. Nothing is shown yet; the
     * full number never leaves the step's memory (DESIGN §5.4).
     */
    @Given("the shopper has a photo of a bank card")
    public void aPhotoOfABankCard() {
        cards.photographNextCard();
    }

    /** A scheme as printed on cards and named in the feature: "Visa", "American Express", … */
    @ParameterType("Visa|Mastercard|American Express|Discover|JCB|UnionPay")
    public String cardScheme(String name) {
        return Cards.schemeName(name);
    }

    /**
     * As "the shopper has a photo of a bank card", with a card of this scheme (its IIN range and
     * length).
     */
    @Given("the shopper has a photo of a {cardScheme} card")
    public void aPhotoOfACardOf(String scheme) {
        cards.photographNextCardOf(scheme);
    }

    /**
     * As "the shopper has a photo of a bank card", blurred past what the reader should try to read.
     */
    @Given("the shopper has a blurry photo of a bank card")
    public void aBlurryPhoto() {
        cards.photographNextCardBlurred();
    }

    /**
     * As "the shopper has a photo of a bank card", with a number whose Luhn check digit is wrong.
     */
    @Given("the shopper has a photo of a card whose number fails the Luhn check")
    public void aPhotoOfABadLuhnCard() {
        cards.photographCardFailingLuhn();
    }

    /**
     * As "the shopper has a photo of a bank card", with an expiry date in the past year.
     */
    @Given("the shopper has a photo of a card that expired last year")
    public void aPhotoOfAnExpiredCard() {
        cards.photographExpiredCard();
    }

    /**
     * Puts the card's number where the leak check must find it (a reader id at the backend): what a
     * careless operator could do, and how the check is shown to fail (the lies' card feature).
     */
    @Given("someone registers a reader at the backend under the card's number")
    public void aReaderRegisteredUnderTheCardNumber() {
        cards.registerAReaderUnderTheCardNumber();
    }

    /**
     * The phone shows the card photo on its screen, held over the reader's camera. Remembers where
     * the machine's display and the backend's card tokens stood, which the following {@code Then}s
     * look after. Assumes a rig whose reader has a camera (the code rig parts) and a vending
     * machine.
     */
    @When("the shopper shows the card photo to the reader")
    public void showThePhoto() {
        cards.showThePhotoToTheReader();
    }

    /**
     * Waits up to 30 s after the photo was shown for the reader's card answer on the machine's
     * display, and checks it is the card's masked number (first 6, last 4).
     */
    @Then("the reader shows the card's masked number")
    public void theReaderShowsTheMaskedNumber() {
        assertEquals(cards.boundText(), cards.awaitAnswer(), "what the machine's display said about the card");
    }

    /**
     * Waits up to 30 s for the reader's card answer on the display, then checks the backend issued
     * exactly one card token since the photo was shown, filed under the masked number, with a token
     * value.
     */
    @Then("the backend holds a token for the card under its masked number only")
    public void theBackendHoldsAToken() {
        // The reader shows the masked number once the backend has answered with the token.
        cards.awaitAnswer();
        List<Cards.Token> tokens = cards.tokensSinceShown();
        assertEquals(1, tokens.size(), () -> "card tokens the backend issued since the photo was shown: " + tokens);
        assertEquals(cards.maskedNumber(), tokens.get(0).maskedPan());
        assertTrue(tokens.get(0).token() != null && !tokens.get(0).token().isBlank(), () -> "a token: " + tokens.get(0));
    }

    /**
     * Waits up to 30 s for the reader's card answer on the display, then checks the backend issued
     * one card token since the photo was shown, filed under this scheme and the masked number.
     */
    @Then("the backend knows the card as a {cardScheme} card, by its first digits")
    public void theBackendKnowsTheScheme(String scheme) {
        cards.awaitAnswer();
        List<Cards.Token> tokens = cards.tokensSinceShown();
        assertEquals(1, tokens.size(), () -> "card tokens the backend issued since the photo was shown: " + tokens);
        assertEquals(scheme, tokens.get(0).scheme(), () -> "the scheme the backend filed the card under: " + tokens.get(0));
        assertEquals(cards.maskedNumber(), tokens.get(0).maskedPan());
    }

    /**
     * Waits up to 30 s after the photo was shown for the reader's card answer on the machine's
     * display, and checks it asks for a retake because the photo is too blurry.
     */
    @Then("the reader asks for another photo because it is too blurry")
    public void theReaderAsksForARetake() {
        assertEquals(Cards.tooBlurryText(), cards.awaitAnswer(), "what the machine's display said about the card");
    }

    /**
     * Waits up to 30 s after the photo was shown for the reader's card answer on the machine's
     * display, and checks it refuses the card for this reason (a card refusal's name, e.g.
     * {@code FAILS_LUHN} or {@code CARD_EXPIRED}).
     */
    @Then("the reader refuses the card: {word}")
    public void theReaderRefuses(String reason) {
        assertEquals(Cards.refusedText(reason), cards.awaitAnswer(), "what the machine's display said about the card");
    }

    /**
     * Settled by the reader's answer on the display (a refusal or a retake is what it did instead
     * of tokenizing); a token made after it would be a second answer to one photo.
     *
     * <p>Waits up to 30 s after the photo was shown for that answer.
     */
    @Then("the backend holds no card token")
    public void theBackendHoldsNoToken() {
        String said = cards.awaitAnswer();
        List<Cards.Token> tokens = cards.tokensSinceShown();
        assertEquals(List.of(), tokens, () -> "card tokens since the photo was shown (the display said " + said + ")");
    }

    /**
     * Once the reader has answered the photo (up to 30 s), scans for the card's number: every log
     * line of this JVM since the scenario began, a reader process's output, the MDB trace, the
     * backend's database rows and files, and the report folder (DESIGN §5.4). Fails naming where
     * the number was found, or when a scan would prove nothing (no log lines, no database files).
     */
    @Then("the card number appears in no log line, report file or database row so far")
    public void theNumberAppearsNowhere() {
        cards.awaitAnswer(); // the reading is over: whatever it logged or stored is there
        // This JVM's log, and a reader process's own output, which the bench keeps: the same scan applies to both.
        List<String> lines = cards.loggedLines();
        assertFalse(lines.isEmpty(), "the card reading logged nothing at all: the log check would prove nothing");
        var found = cards.leaksIn(String.join("\n", lines));
        assertTrue(found.isEmpty(), "the card number is in the log: " + found);
        found = cards.leaksOnTheBus();
        assertTrue(found.isEmpty(), "the card number went over the MDB bus: " + found);
        found = cards.leaksInTheDatabase();
        assertTrue(found.isEmpty(), "the card number is in the backend's database: " + found);
        // The database's files as they lie on disk too: what a copy of the disk would hold.
        var dbFiles = cards.scanTheDatabaseFiles();
        assertTrue(dbFiles.files() > 0, "the backend's database has no files in " + cards.databaseFolder() + ": the scan would prove nothing");
        assertTrue(dbFiles.leaks().isEmpty(), "the card number is in the backend's database files: " + dbFiles.leaks());
        var files = cards.scanTheReportFiles();
        assertTrue(files.leaks().isEmpty(), "the card number is in report files: " + files.leaks());
    }
}
