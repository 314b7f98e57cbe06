package io.wavebench.features.steps;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.wavebench.fixtures.scenario.Cursors;
import io.wavebench.fixtures.scenario.Phone;
import java.time.Duration;
import java.util.Arrays;

/**
 * Tokens a broken or tampered phone plays (refusals.feature, DESIGN §5.1). The bytes come from
 * fixtures' {@code Forgeries}; they go on the air through the phone's own speaker and the rig's modem
 * profile, the same path an honest token takes.
 *
 * <p>Assumes of the rig: the simulated phone on the reader's air and a reader that trusts the
 * rig's issuer; nothing of the reader's insides.
 */
public final class RefusalSteps {

    /** Far past the 60 s freshness plus the 120 s skew allowance: stale whoever's clock is right. */
    private static final Duration LONG_AGO = Duration.ofMinutes(4);
    private static final long RAISED_LIMIT = 999_00;

    /** What the phone plays, in the words of the feature. */
    public enum Misbehaviour {
        CUT_SHORT("a token cut short by its last 4 bytes"),
        UNKNOWN_TYPE("a token of a type the reader does not know"),
        UNKNOWN_CREDENTIAL_VERSION("a token whose credential is of a version the reader does not know"),
        RAISED_LIMIT("a token whose credential's offline limit was raised after the issuer signed it"),
        OTHER_DEVICE("a token signed by another phone with the shopper's credential"),
        MADE_LONG_AGO("a token it made 4 minutes ago");

        final String words;

        Misbehaviour(String words) {
            this.words = words;
        }
    }

    private final Phone phone;
    private final Cursors cursors;

    public RefusalSteps(Phone phone, Cursors cursors) {
        this.phone = phone;
        this.cursors = cursors;
    }

    @ParameterType("a token cut short by its last 4 bytes|a token of a type the reader does not know"
            + "|a token whose credential is of a version the reader does not know"
            + "|a token whose credential's offline limit was raised after the issuer signed it"
            + "|a token signed by another phone with the shopper's credential|a token it made 4 minutes ago")
    public Misbehaviour misbehaviour(String words) {
        return Arrays.stream(Misbehaviour.values()).filter(m -> m.words.equals(words)).findFirst().orElseThrow();
    }

    /**
     * The phone plays what a broken or dishonest wallet would: a token cut short, of an unknown
     * type or credential version, with a raised offline limit, signed by another phone, or made 4
     * minutes ago (past the 60 s freshness and the 120 s skew allowance). Played as the phone
     * sounds a token (its profile, volume and speaker); returns when the sound has ended. Takes the
     * mark the following {@code Then}s look after. Assumes the phone holds a credential.
     */
    @When("the phone plays {misbehaviour}")
    public void thePhonePlays(Misbehaviour misbehaviour) {
        cursors.fromHere("the phone plays " + misbehaviour.words);
        switch (misbehaviour) {
            case CUT_SHORT -> phone.playTokenCutShort(4);
            case UNKNOWN_TYPE -> phone.playTokenWithTypeByte(0x7F);
            case UNKNOWN_CREDENTIAL_VERSION -> phone.playTokenWithCredentialVersion(2);
            case RAISED_LIMIT -> phone.payWithOfflineLimitRaisedTo(RAISED_LIMIT);
            case OTHER_DEVICE -> phone.playTokenSignedByAnotherDevice("phone:someone else");
            case MADE_LONG_AGO -> phone.playTokenMade(LONG_AGO);
        }
    }

    /**
     * The phone makes its next token (the next counter) and keeps it unplayed, as a phone whose
     * payment was interrupted would. Nothing goes on the air.
     */
    @Given("the phone has made a payment token without playing it")
    public void thePhoneMadeATokenWithoutPlayingIt() {
        phone.makeTokenWithoutPlaying();
    }

    /**
     * Plays the token kept by "the phone has made a payment token without playing it", now, after
     * tokens with higher counters may have been taken; returns when the sound has ended. Takes the
     * mark the following {@code Then}s look after.
     */
    @When("someone plays the token the phone made without playing it")
    public void someonePlaysTheUnplayedToken() {
        cursors.fromHere("someone plays the token the phone made without playing it");
        phone.playTheUnplayedToken();
    }
}
