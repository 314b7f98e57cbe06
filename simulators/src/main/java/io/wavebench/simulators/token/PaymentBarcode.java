package io.wavebench.simulators.token;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The barcode payment code of DESIGN §5.2, like Alipay's {@code auth_code}: 18 digits, prefix
 * {@code 28}, made by the phone from a secret it got from the backend while online, changing
 * every {@value #STEP_SECONDS} s, verified only by the backend. Layout:
 * {@code 28 | slot (6 digits: which barcode key) | 10 digits of HMAC-SHA256(secret, slot ‖ minute)}.
 * Shared by the phone (which makes codes) and the backend (which checks them).
 */
public final class PaymentBarcode {

    public static final String PREFIX = "28";
    public static final int DIGITS = 18;
    public static final int STEP_SECONDS = 60;
    public static final int MIN_SLOT = 100_000, MAX_SLOT = 999_999;
    private static final long MOD = 10_000_000_000L;

    private PaymentBarcode() {}

    /** The code for {@code slot} in the minute that contains {@code at}. */
    public static String code(int slot, byte[] secret, Instant at) {
        return code(slot, secret, step(at));
    }

    public static String code(int slot, byte[] secret, long step) {
        if (slot < MIN_SLOT || slot > MAX_SLOT) throw new IllegalArgumentException("barcode slot is 6 digits: " + slot);
        return PREFIX + slot + String.format("%010d", otp(secret, slot, step));
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The slot of a well-formed code (18 digits, prefix 28), else -1. */
    public static int slotOf(String code) {
        if (code == null || code.length() != DIGITS || !code.startsWith(PREFIX) || !code.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        return Integer.parseInt(code.substring(2, 8));
    }

    private static long otp(byte[] secret, int slot, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(12).putInt(slot).putLong(step).array());
            return Math.floorMod(ByteBuffer.wrap(h).getLong(), MOD);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
