package io.wavebench.simulators.token;

import static io.wavebench.simulators.TestKeys.key;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.phone.Wallet;
import io.wavebench.simulators.refusal.ReaderRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Issuer issuer = new Issuer(7, key(1), clock, 1000);
    private final Wallet wallet = new Wallet(key(2));
    private final TokenVerifier verifier = new TokenVerifier(Map.of(7, issuer.publicKey()), clock, Duration.ofSeconds(120), Duration.ofSeconds(60));

    TokenVerifierTest() {
        wallet.install(issuer.provision(42, wallet.devicePublicKey(), 2000, 978, Duration.ofDays(7)));
    }

    @Test
    void a_one_way_token_is_201_bytes_and_parses_back_to_itself() throws Exception {
        PaymentToken token = wallet.nextToken(clock);
        byte[] bytes = token.encode();
        assertEquals(201, bytes.length);
        assertEquals(token, PaymentToken.parse(bytes));
        assertArrayEquals(bytes, PaymentToken.parse(bytes).encode());
    }

    @Test
    void an_honest_token_is_accepted_once_and_then_is_a_replay() {
        byte[] token = wallet.nextToken(clock).encode();
        TokenVerifier.Verdict first = verifier.verify(token);
        assertTrue(first.isAccepted(), first.toString());
        verifier.markAccepted(first.token());
        assertEquals(ReaderRefusal.REPLAY, verifier.verify(token).rejection());
        assertTrue(verifier.verify(wallet.nextToken(clock).encode()).isAccepted(), "the next counter is fine");
    }

    @Test
    void truncated_extended_and_unknown_type_tokens_are_malformed() {
        byte[] token = wallet.nextToken(clock).encode();
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(Arrays.copyOf(token, 200)).rejection());
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(Arrays.copyOf(token, 202)).rejection());
        token[0] = 0x7F;
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(token).rejection());
        assertEquals(ReaderRefusal.MALFORMED, verifier.verify(new byte[0]).rejection());
    }

    @Test
    void a_credential_from_an_issuer_the_reader_does_not_hold_is_an_unknown_issuer() {
        Issuer rogue = new Issuer(99, key(3), clock, 1);
        Wallet other = new Wallet(key(4));
        other.install(rogue.provision(1, other.devicePublicKey(), 2000, 978, Duration.ofDays(1)));
        assertEquals(ReaderRefusal.UNKNOWN_ISSUER, verifier.verify(other.nextToken(clock).encode()).rejection());
    }

    @Test
    void a_credential_signed_by_another_key_under_a_known_key_id_is_forged() {
        Issuer impostor = new Issuer(7, key(5), clock, 1);
        Wallet other = new Wallet(key(6));
        other.install(impostor.provision(1, other.devicePublicKey(), 2000, 978, Duration.ofDays(1)));
        assertEquals(ReaderRefusal.FORGED_CREDENTIAL, verifier.verify(other.nextToken(clock).encode()).rejection());
    }

    @Test
    void a_flipped_bit_in_the_device_signature_is_a_forged_token() {
        byte[] token = wallet.nextToken(clock).encode();
        token[token.length - 10] ^= 0x01;
        assertEquals(ReaderRefusal.FORGED_TOKEN, verifier.verify(token).rejection());
    }

    @Test
    void a_changed_counter_breaks_the_device_signature() {
        byte[] token = wallet.nextToken(clock).encode();
        token[1 + Credential.BYTES + 4 + 3] ^= 0x02; // last byte of the counter
        assertEquals(ReaderRefusal.FORGED_TOKEN, verifier.verify(token).rejection());
    }

    @Test
    void credential_window_and_freshness_use_the_stated_skew() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(7)).plusSeconds(121), ZoneOffset.UTC);
        TokenVerifier tomorrowReader = new TokenVerifier(Map.of(7, issuer.publicKey()), later, Duration.ofSeconds(120), Duration.ofSeconds(60));
        assertEquals(ReaderRefusal.CREDENTIAL_EXPIRED, tomorrowReader.verify(wallet.nextToken(later).encode()).rejection());

        Clock earlier = Clock.fixed(NOW.minusSeconds(121), ZoneOffset.UTC);
        TokenVerifier earlyReader = new TokenVerifier(Map.of(7, issuer.publicKey()), earlier, Duration.ofSeconds(120), Duration.ofSeconds(60));
        assertEquals(ReaderRefusal.CREDENTIAL_NOT_YET_VALID, earlyReader.verify(wallet.nextToken(earlier).encode()).rejection());

        Clock phoneBehind = Clock.fixed(NOW.minusSeconds(60 + 120 + 1), ZoneOffset.UTC);
        // the phone's clock can only be set back within the credential window by this test's issuer
        Wallet w = new Wallet(key(8));
        Issuer backIssuer = new Issuer(7, key(1), phoneBehind, 5000);
        w.install(backIssuer.provision(42, w.devicePublicKey(), 2000, 978, Duration.ofDays(7)));
        assertEquals(ReaderRefusal.STALE_TOKEN, verifier.verify(w.nextToken(phoneBehind).encode()).rejection());
    }

    @Test
    void revoked_credentials_are_refused_before_the_device_signature_is_checked() {
        PaymentToken token = wallet.nextToken(clock);
        verifier.revoke(token.credential().credentialId());
        assertEquals(ReaderRefusal.REVOKED, verifier.verify(token.encode()).rejection());
    }

    @Test
    void offline_spend_stops_at_the_credential_limit() {
        Credential c = wallet.credential();
        OfflineSpend spend = new OfflineSpend();
        assertTrue(spend.allows(c, 2000));
        spend.record(c, 1500);
        assertTrue(spend.allows(c, 500));
        assertEquals(false, spend.allows(c, 501));
    }

    @Test
    void a_wallet_refuses_a_credential_for_another_device() {
        Wallet other = new Wallet(key(9));
        assertThrows(IllegalArgumentException.class, () -> other.install(wallet.credential()));
    }

}
