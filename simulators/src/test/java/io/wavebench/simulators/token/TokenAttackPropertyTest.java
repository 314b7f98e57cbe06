package io.wavebench.simulators.token;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.reader.ReaderPolicy;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The attack property of DESIGN §5.1: 10,000 tokens an attacker could make from honest ones —
 * mutated, truncated or extended, re-signed with keys the attacker holds, replayed — and not one is
 * accepted. Honest tokens interleaved with them are accepted, so a verifier that refused
 * everything would fail here too.
 */
class TokenAttackPropertyTest {

    private static final int ATTACKS = 10_000;
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final int ISSUER_KEY_ID = 7;

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Issuer issuer = new Issuer(ISSUER_KEY_ID, key(1), clock, 1000);
    private final TokenVerifier verifier = new TokenVerifier(Map.of(ISSUER_KEY_ID, issuer.publicKey()), clock, ReaderPolicy.CLOCK_SKEW_ALLOWANCE, ReaderPolicy.TOKEN_FRESHNESS);
    /** The attacker's own keys: a device key and a would-be issuer key. */
    private final KeyPair attackerDevice = key(66);
    private final KeyPair attackerIssuer = key(67);

    private enum Attack { MUTATED, TRUNCATED_OR_EXTENDED, RESIGNED_TOKEN, RESIGNED_CREDENTIAL, SELF_ISSUED, REPLAYED, STALE }

    @Test
    void ten_thousand_forged_truncated_resigned_and_replayed_tokens_are_all_refused() {
        Random random = new Random(2026);
        Wallet victim = new Wallet(key(2));
        victim.install(issuer.provision(42, victim.devicePublicKey(), 2000, 978, Duration.ofDays(7)));
        List<byte[]> spent = new ArrayList<>();
        Map<Attack, Integer> tried = new EnumMap<>(Attack.class);
        Map<ReaderRefusal, Integer> reasons = new EnumMap<>(ReaderRefusal.class);
        int honestAccepted = 0;

        for (int i = 0; i < ATTACKS; i++) {
            if (i % 50 == 0) {
                // An honest purchase now and then: it must go through, and gives replays to try.
                PaymentToken honest = victim.nextToken(clock);
                TokenVerifier.Verdict verdict = verifier.verify(honest.encode());
                assertTrue(verdict.isAccepted(), () -> "an honest token was refused: " + verdict);
                verifier.markAccepted(verdict.token());
                spent.add(honest.encode());
                honestAccepted++;
            }
            Attack attack = Attack.values()[random.nextInt(Attack.values().length)];
            if (attack == Attack.REPLAYED && spent.isEmpty()) attack = Attack.MUTATED;
            byte[] forged = forge(attack, victim, spent, random);
            tried.merge(attack, 1, Integer::sum);
            TokenVerifier.Verdict verdict = verifier.verify(forged);
            Attack made = attack;
            assertTrue(!verdict.isAccepted(), () -> made + " token accepted: " + HexFormat.of().formatHex(forged));
            assertNotNull(verdict.rejection(), () -> made + ": a refusal without a named reason: " + verdict);
            reasons.merge(verdict.rejection(), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "token attacks: %d tried %s, 0 accepted; refused as %s; %d honest tokens accepted between them%n",
                ATTACKS, tried, reasons, honestAccepted);
        assertEquals(ATTACKS / 50, honestAccepted);
        // Each family of attack met the rule meant for it, not just any refusal.
        assertTrue(reasons.containsKey(ReaderRefusal.MALFORMED) && reasons.containsKey(ReaderRefusal.FORGED_CREDENTIAL)
                && reasons.containsKey(ReaderRefusal.FORGED_TOKEN) && reasons.containsKey(ReaderRefusal.REPLAY)
                && reasons.containsKey(ReaderRefusal.STALE_TOKEN), reasons::toString);
    }

    private byte[] forge(Attack attack, Wallet victim, List<byte[]> spent, Random random) {
        // A token the victim's phone made and never used: what an attacker overhears and edits.
        PaymentToken fresh = victim.nextToken(clock);
        Credential credential = victim.credential();
        return switch (attack) {
            case MUTATED -> {
                byte[] bytes = fresh.encode();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bytes.length);
                    byte before = bytes[at];
                    do {
                        bytes[at] = random.nextBoolean() ? (byte) (before ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
                    } while (bytes[at] == before);
                }
                yield bytes;
            }
            case TRUNCATED_OR_EXTENDED -> {
                byte[] bytes = fresh.encode();
                int length = random.nextBoolean() ? random.nextInt(bytes.length) : bytes.length + 1 + random.nextInt(64);
                byte[] out = Arrays.copyOf(bytes, length);
                for (int k = bytes.length; k < length; k++) out[k] = (byte) random.nextInt(256);
                yield out;
            }
            case RESIGNED_TOKEN -> {
                // The victim's credential, fields of the attacker's choosing, signed with the attacker's device key.
                long counter = fresh.counter() + random.nextInt(1000);
                long timestamp = NOW.getEpochSecond() - random.nextInt(30);
                byte[] signature = Ed25519.sign(attackerDevice.getPrivate(), PaymentToken.signedPart(PaymentToken.Type.ONE_WAY, credential, timestamp, counter, null));
                yield new PaymentToken(PaymentToken.Type.ONE_WAY, credential, timestamp, counter, null, signature).encode();
            }
            case RESIGNED_CREDENTIAL -> {
                // The victim's credential with the attacker's device key and a higher limit, issuer signature kept.
                Credential swapped = new Credential(credential.version(), credential.issuerKeyId(), credential.credentialId(), credential.accountId(),
                        credential.notBefore(), credential.notAfter(), credential.offlineLimit() + 1 + random.nextInt(100_000), credential.currency(),
                        Ed25519.rawPublicKey(attackerDevice.getPublic()), credential.issuerSignature());
                yield signedByAttacker(swapped, fresh.counter());
            }
            case SELF_ISSUED -> {
                // A credential under the real issuer's key id, signed with the attacker's issuer key.
                Issuer rogue = new Issuer(ISSUER_KEY_ID, attackerIssuer, clock, random.nextInt(1_000_000));
                Credential own = rogue.provision(random.nextInt(1000), Ed25519.rawPublicKey(attackerDevice.getPublic()), 1_000_000, 978, Duration.ofDays(1));
                yield signedByAttacker(own, 1 + random.nextInt(1000));
            }
            case REPLAYED -> spent.get(random.nextInt(spent.size())).clone();
            case STALE -> {
                // A token honestly signed by the victim's phone, but made longer ago than freshness
                // plus the clock-skew allowance (60 + 120 s): a recording kept for later.
                Instant made = NOW.minusSeconds(181 + random.nextInt(3600));
                yield victim.nextToken(Clock.fixed(made, ZoneOffset.UTC)).encode();
            }
        };
    }

    private byte[] signedByAttacker(Credential credential, long counter) {
        long timestamp = NOW.getEpochSecond();
        byte[] signature = Ed25519.sign(attackerDevice.getPrivate(), PaymentToken.signedPart(PaymentToken.Type.ONE_WAY, credential, timestamp, counter, null));
        return new PaymentToken(PaymentToken.Type.ONE_WAY, credential, timestamp, counter, null, signature).encode();
    }
}
