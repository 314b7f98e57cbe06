package io.wavebench.simulators.token;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.ReaderPolicy;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two-way mode (DESIGN §5.1 readerChallenge): the reader's challenge, signed into the token. */
class TwoWayTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final Issuer issuer = new Issuer(7, key(1), clock, 1000);
    private final Wallet wallet = new Wallet(key(2));
    private final TokenVerifier verifier = new TokenVerifier(Map.of(7, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
    private final ReaderChallenges challenges = new ReaderChallenges(clock, Duration.ofSeconds(10), new SecureRandom(new byte[] {1}), false);

    TwoWayTokenTest() {
        wallet.install(issuer.provision(42, wallet.devicePublicKey(), 2000, 978, Duration.ofDays(7)));
        verifier.useChallenges(challenges);
    }

    @Test
    void a_token_answering_the_readers_challenge_is_accepted_and_parses_back_with_it() {
        byte[] challenge = challenges.issue();
        PaymentToken token = wallet.nextToken(clock, challenge);
        assertEquals(PaymentToken.TWO_WAY_BYTES, token.encode().length);
        TokenVerifier.Verdict verdict = verifier.verify(token.encode());
        assertTrue(verdict.isAccepted(), verdict::toString);
        assertArrayEquals(challenge, verdict.token().readerChallenge());
        assertEquals(0, challenges.outstanding(), "answered challenges are used up");
    }

    @Test
    void a_challenge_answers_one_token_only() {
        byte[] challenge = challenges.issue();
        assertTrue(verifier.verify(wallet.nextToken(clock, challenge).encode()).isAccepted());
        // A second token (new counter, so not a replay) over the same challenge: the challenge is spent.
        assertEquals(ReaderRefusal.CHALLENGE_MISMATCH, verifier.verify(wallet.nextToken(clock, challenge).encode()).rejection());
    }

    @Test
    void a_challenge_the_reader_never_sounded_is_a_mismatch() {
        challenges.issue();
        byte[] made_up = {1, 2, 3, 4, 5, 6, 7, 8};
        TokenVerifier.Verdict verdict = verifier.verify(wallet.nextToken(clock, made_up).encode());
        assertEquals(ReaderRefusal.CHALLENGE_MISMATCH, verdict.rejection());
        assertTrue(verdict.detail().contains("0102030405060708"), verdict.detail());
    }

    @Test
    void an_expired_challenge_is_a_mismatch() {
        byte[] challenge = challenges.issue();
        clock.advance(Duration.ofSeconds(11));
        assertEquals(ReaderRefusal.CHALLENGE_MISMATCH, verifier.verify(wallet.nextToken(clock, challenge).encode()).rejection());
    }

    @Test
    void a_changed_challenge_breaks_the_device_signature_first() {
        byte[] challenge = challenges.issue();
        byte[] token = wallet.nextToken(clock, challenge).encode();
        token[1 + Credential.BYTES + 8] ^= 0x01; // first challenge byte: signed, so the signature fails
        assertEquals(ReaderRefusal.FORGED_TOKEN, verifier.verify(token).rejection());
        assertEquals(1, challenges.outstanding(), "a forged token does not use up the challenge");
    }

    @Test
    void one_way_tokens_pass_unless_the_reader_requires_a_challenge() {
        assertTrue(verifier.verify(wallet.nextToken(clock).encode()).isAccepted());
        verifier.useChallenges(new ReaderChallenges(clock, Duration.ofSeconds(10), new SecureRandom(), true));
        assertEquals(ReaderRefusal.CHALLENGE_MISMATCH, verifier.verify(wallet.nextToken(clock).encode()).rejection());
    }

    @Test
    void a_reader_that_sounds_no_challenges_refuses_a_challenged_token() {
        TokenVerifier oneWayReader = new TokenVerifier(Map.of(7, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        assertEquals(ReaderRefusal.CHALLENGE_MISMATCH, oneWayReader.verify(wallet.nextToken(clock, new byte[8]).encode()).rejection());
    }

    @Test
    void challenge_frames_round_trip_and_are_not_tokens() {
        byte[] challenge = challenges.issue();
        assertArrayEquals(challenge, ChallengeFrames.challengeOf(ChallengeFrames.challenge(challenge)).orElseThrow());
        assertTrue(ChallengeFrames.isHello(ChallengeFrames.hello()));
        assertTrue(ChallengeFrames.challengeOf(ChallengeFrames.hello()).isEmpty());
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(ChallengeFrames.hello()).rejection());
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(ChallengeFrames.challenge(challenge)).rejection());
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
