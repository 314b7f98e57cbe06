package io.wavebench.simulators.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wavebench.simulators.TestKeys;
import io.wavebench.simulators.backend.Issuer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wallet's token counter (DESIGN §5.1): from 1 when new, or on from where it was told to count. */
class WalletTest {

    @Test
    void a_new_wallet_counts_from_one_and_a_told_one_from_the_next() {
        Issuer issuer = new Issuer(1, TestKeys.key(1), Clock.systemUTC(), 100);
        Wallet fresh = new Wallet(TestKeys.key(2));
        Wallet counted = new Wallet(TestKeys.key(3), 1_500_000_000L);
        fresh.install(issuer.provision(4242, fresh.devicePublicKey(), 2000, 978, Duration.ofDays(1)));
        counted.install(issuer.provision(4242, counted.devicePublicKey(), 2000, 978, Duration.ofDays(1)));
        assertEquals(1, fresh.nextToken(Clock.systemUTC()).counter());
        assertEquals(1_500_000_001L, counted.nextToken(Clock.systemUTC()).counter());
        assertEquals(1_500_000_002L, counted.nextToken(Clock.systemUTC(), new byte[8]).counter());
    }

    @Test
    void a_counter_is_a_u32_with_room_to_count() {
        assertThrows(IllegalArgumentException.class, () -> new Wallet(TestKeys.key(2), -1));
        assertThrows(IllegalArgumentException.class, () -> new Wallet(TestKeys.key(2), 0xFFFF_FFFFL));
    }
}
