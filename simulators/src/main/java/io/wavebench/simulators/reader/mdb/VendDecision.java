package io.wavebench.simulators.reader.mdb;

/**
 * The reader's answer to a {@link VendRequest}: approved for an amount in minor units (what is
 * actually charged, normally the price), or denied with a reason for the report. DESIGN §5.1: a
 * reader journals an approval durably before it returns one.
 */
public record VendDecision(boolean approved, long amountMinorUnits, String reason) {

    public static VendDecision approve(long amountMinorUnits) {
        if (amountMinorUnits < 0) throw new IllegalArgumentException("approved amount must not be negative: " + amountMinorUnits);
        return new VendDecision(true, amountMinorUnits, "approved");
    }

    public static VendDecision deny(String reason) {
        return new VendDecision(false, 0, reason);
    }
}
