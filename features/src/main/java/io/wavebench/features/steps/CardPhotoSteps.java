package io.wavebench.features.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.cards.CardCapture;
import io.wavebench.fixtures.cards.CardLeaks;
import io.wavebench.fixtures.cards.CardPhoto;
import io.wavebench.fixtures.cards.SyntheticCard;
import io.wavebench.simulators.backend.api.CardToken;
import io.wavebench.simulators.card.CardRefusal;
import io.wavebench.simulators.reader.card.CardReading;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Card-photo capture (DESIGN §5.4): the phone shows a photo, the reader reads it, the backend
 * tokenizes. Thin: the photo comes from the seeded fixtures, the reading from the reader, the
 * checks from the backend's records and the reader's display line.
 */
public final class CardPhotoSteps {

    private final ScenarioRig rig;
    private final ListAppender<ILoggingEvent> logTap = new ListAppender<>();
    private SyntheticCard card;
    private CardPhoto photo;
    private CardReading reading;

    public CardPhotoSteps(ScenarioRig rig) {
        this.rig = rig;
    }

    private long seed = Long.getLong("wavebench.seed", 2026L);

    private CardCapture capture() {
        return rig.session().cardCapture(seed);
    }

    /** Every log event of a card scenario is kept in memory, to be searched for the number. */
    @Before("@card")
    public void tapTheLog(io.cucumber.java.Scenario scenario) {
        // Each scenario its own cards, the same on every run.
        seed = seed * 31 + scenario.getName().hashCode();
        logTap.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logTap);
    }

    @After("@card")
    public void untapTheLog() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logTap);
        logTap.stop();
    }

    @Given("the shopper has a photo of a bank card")
    public void aPhotoOfABankCard() {
        card = capture().cards().next();
        photo = capture().photograph(card);
    }

    /** A scheme as printed on cards and named in the feature: "Visa", "American Express", … */
    @io.cucumber.java.ParameterType("Visa|Mastercard|American Express|Discover|JCB|UnionPay")
    public io.wavebench.simulators.card.CardScheme cardScheme(String name) {
        return switch (name) {
            case "American Express" -> io.wavebench.simulators.card.CardScheme.AMEX;
            default -> io.wavebench.simulators.card.CardScheme.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        };
    }

    @Given("the shopper has a photo of a {cardScheme} card")
    public void aPhotoOfACardOf(io.wavebench.simulators.card.CardScheme scheme) {
        card = capture().cards().next(scheme);
        photo = capture().photograph(card);
    }

    @Then("the backend knows the card as a {cardScheme} card, by its first digits")
    public void theBackendKnowsTheScheme(io.wavebench.simulators.card.CardScheme scheme) {
        List<CardToken> tokens = capture().tokens();
        assertEquals(1, tokens.size(), "card tokens at the backend: " + tokens);
        assertEquals(scheme.name(), tokens.get(0).scheme(), "the scheme the backend filed the card under: " + tokens.get(0));
        assertEquals(card.pan().masked(), tokens.get(0).maskedPan());
    }

    @Given("the shopper has a blurry photo of a bank card")
    public void aBlurryPhoto() {
        card = capture().cards().next();
        photo = capture().photographBlurry(card);
    }

    @Given("the shopper has a photo of a card whose number fails the Luhn check")
    public void aPhotoOfABadLuhnCard() {
        card = capture().cards().withBadLuhn();
        photo = capture().photograph(card);
    }

    @Given("the shopper has a photo of a card that expired last year")
    public void aPhotoOfAnExpiredCard() {
        card = capture().cards().expired();
        photo = capture().photograph(card);
    }

    @When("the shopper shows the card photo to the reader")
    public void showThePhoto() {
        capture().show(photo);
        reading = capture().read();
    }

    @Then("the reader shows the card's masked number")
    public void theReaderShowsTheMaskedNumber() {
        assertEquals(CardReading.Outcome.BOUND, reading.outcome(), "reader display: " + reading.message());
        assertEquals(card.pan().masked(), reading.maskedPan(), "reader display: " + reading.message());
        assertTrue(reading.message().contains(card.pan().masked()), reading.message());
        assertEquals(card.expiry().printed(), reading.expiry(), "expiry read");
    }

    @Then("the backend holds a token for the card under its masked number only")
    public void theBackendHoldsAToken() {
        List<CardToken> tokens = capture().tokens();
        assertEquals(1, tokens.size(), "card tokens at the backend: " + tokens);
        assertEquals(reading.token(), tokens.get(0).token());
        assertEquals(card.pan().masked(), tokens.get(0).maskedPan());
        assertNotNull(reading.token());
    }

    @Then("the reader asks for another photo because it is too blurry")
    public void theReaderAsksForARetake() {
        assertEquals(CardReading.Outcome.RETAKE, reading.outcome(), "reader display: " + reading.message());
        assertEquals(CardReading.RetakeReason.TOO_BLURRY, reading.retake(), "reader display: " + reading.message());
    }

    @Then("the reader refuses the card: {word}")
    public void theReaderRefuses(String reason) {
        assertEquals(CardReading.Outcome.REFUSED, reading.outcome(), "reader display: " + reading.message());
        assertEquals(CardRefusal.valueOf(reason), reading.refusal(), "reader display: " + reading.message());
    }

    @Then("the backend holds no card token")
    public void theBackendHoldsNoToken() {
        assertEquals(List.of(), capture().tokens());
    }

    @Then("the card number appears in no log line, report file or database row so far")
    public void theNumberAppearsNowhere() {
        List<String> lines;
        synchronized (logTap.list) {
            lines = logTap.list.stream().map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
        }
        assertFalse(lines.isEmpty(), "the card reading logged nothing at all: the log check would prove nothing");
        var found = CardLeaks.in(String.join("\n", lines), card.pan());
        assertTrue(found.isEmpty(), "the card number is in the log: " + found);
        found = CardLeaks.in(capture().databaseText(), card.pan());
        assertTrue(found.isEmpty(), "the card number is in the backend's database: " + found);
        // The database's files as they lie on disk too: what a copy of the disk would hold.
        var dbFiles = CardLeaks.scan(capture().databaseFolder(), java.util.Set.of(card.pan()));
        assertTrue(dbFiles.files() > 0, "the backend's database has no files in " + capture().databaseFolder() + ": the scan would prove nothing");
        assertTrue(dbFiles.leaks().isEmpty(), "the card number is in the backend's database files: " + dbFiles.leaks());
        Path report = Path.of(System.getProperty("wavebench.report.dir", "target/wavebench-report"));
        var files = CardLeaks.scan(report, java.util.Set.of(card.pan()));
        assertTrue(files.leaks().isEmpty(), "the card number is in report files: " + files.leaks());
    }
}
