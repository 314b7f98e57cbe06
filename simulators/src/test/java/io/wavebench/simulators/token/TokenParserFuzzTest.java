package io.wavebench.simulators.token;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.ReaderPolicy;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/**
 * DESIGN §6 "bad input" for the token parser and the acceptance rules of §5.1: whatever bytes
 * reach the reader, {@link TokenVerifier#verify} returns a verdict — accepted, or refused with a
 * named {@link ReaderRefusal} and a detail — never throws, never hangs (Jazzer's per-input
 * timeout), and accepts nothing but the honest token itself. Half the inputs are raw bytes (the
 * strict parser); half are bytes XORed over an honest one-way or two-way token, so mutations get
 * past the parser to the signatures, the window, the challenge and the counter. Jazzer fuzzes for
 * a bounded time in the suite (JAZZER_FUZZ in the fuzz execution) and replays its seeds otherwise.
 */
class TokenParserFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Issuer ISSUER = new Issuer(7, key(1), CLOCK, 1000);
    private static final Wallet WALLET = new Wallet(key(2));

    static {
        WALLET.install(ISSUER.provision(42, WALLET.devicePublicKey(), 2000, 978, Duration.ofDays(7)));
    }

    @FuzzTest(maxDuration = "8s")
    void any_bytes_are_accepted_only_when_honest_or_refused_with_a_named_reason(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 2);
        TokenVerifier verifier = new TokenVerifier(Map.of(7, ISSUER.publicKey()), CLOCK, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
        byte[] honest = null;
        if (mode > 0) {
            ReaderChallenges challenges = new ReaderChallenges(CLOCK, Duration.ofSeconds(10), new SecureRandom(new byte[] {3}), false);
            verifier.useChallenges(challenges);
            honest = (mode == 1 ? WALLET.nextToken(CLOCK) : WALLET.nextToken(CLOCK, challenges.issue())).encode();
        }
        byte[] input;
        if (honest == null) {
            input = data.consumeRemainingAsBytes();
        } else {
            int length = data.consumeInt(Math.max(0, honest.length - 4), honest.length + 4);
            // Where the mutation lands: anywhere, so short fuzzer inputs reach every field.
            int at = data.consumeInt(0, honest.length - 1);
            byte[] mask = data.consumeRemainingAsBytes();
            input = Arrays.copyOf(honest, length);
            for (int i = 0; i < mask.length && at + i < input.length; i++) input[at + i] ^= mask[i];
        }

        TokenVerifier.Verdict verdict = verifier.verify(input);

        assertNotNull(verdict);
        if (verdict.isAccepted()) {
            assertNotNull(honest, "raw bytes accepted: a forgery");
            assertArrayEquals(honest, input, "accepted a token that is not the honest one");
            verifier.markAccepted(verdict.token());
            assertFalse(verifier.verify(input).isAccepted(), "the same token a second time (a replay, or a used-up challenge)");
        } else {
            assertNotNull(verdict.rejection(), "a refusal names its rule");
            assertNotNull(verdict.detail());
            assertTrue(!verdict.detail().isBlank(), "a refusal says why");
            assertEquals(ReaderRefusal.Kind.TOKEN, verdict.rejection().kind(), "a token is refused for a token rule");
        }
    }
}
