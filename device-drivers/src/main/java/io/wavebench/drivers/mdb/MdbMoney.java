package io.wavebench.drivers.mdb;

import java.math.BigDecimal;

/**
 * How money is written on the bus (MDB 4.2 §7.4.2, READER CONFIG DATA Z5/Z6): a bus value P
 * means {@code P × scaleFactor × 10^-decimalPlaces} of the currency. wavebench counts money in
 * the currency's minor units (cents, fen) and assumes the reader announces the currency's own
 * number of decimal places, so one minor unit is {@code 10^-decimalPlaces}: then
 * {@code minor = P × scaleFactor}. Values are unsigned 16-bit; 0xFFFF means "unknown" in
 * BEGIN SESSION funds and MAX PRICE (MDB 4.2 §7.4.4, §7.4.3).
 */
public record MdbMoney(int scaleFactor, int decimalPlaces) {

    /** 0xFFFF: funds or price not known (MDB 4.2 §7.4.4). */
    public static final int UNKNOWN = 0xFFFF;
    /** The largest amount a 16-bit field can state as known. */
    public static final int MAX_SCALED = 0xFFFE;

    /** One bus unit is one minor unit, two decimals: what the simulated reader announces. */
    public static final MdbMoney MINOR_UNITS_2_DECIMALS = new MdbMoney(1, 2);

    public MdbMoney {
        if (scaleFactor < 1 || scaleFactor > 255) throw new IllegalArgumentException("scale factor must be 1..255: " + scaleFactor);
        if (decimalPlaces < 0 || decimalPlaces > 255) throw new IllegalArgumentException("decimal places must be 0..255: " + decimalPlaces);
    }

    /** Minor units for a bus value. */
    public long toMinorUnits(int scaled) {
        if (scaled < 0 || scaled > 0xFFFF) throw new IllegalArgumentException("bus value must be 0..0xFFFF: " + scaled);
        return (long) scaled * scaleFactor;
    }

    /**
     * The bus value for an amount in minor units.
     *
     * @throws IllegalArgumentException when the amount is not a multiple of the scale factor or
     *     does not fit in 16 bits: the VMC or reader cannot state it on this bus
     */
    public int toScaled(long minorUnits) {
        if (minorUnits < 0) throw new IllegalArgumentException("amount must not be negative: " + minorUnits);
        if (minorUnits % scaleFactor != 0) {
            throw new IllegalArgumentException(minorUnits + " minor units is not a multiple of the scale factor " + scaleFactor);
        }
        long scaled = minorUnits / scaleFactor;
        if (scaled > MAX_SCALED) throw new IllegalArgumentException(minorUnits + " minor units does not fit a 16-bit MDB amount with scale " + scaleFactor);
        return (int) scaled;
    }

    /** The amount in the currency's major unit, e.g. 1.50 for a bus value of 150 (scale 1, 2 decimals). */
    public BigDecimal toAmount(int scaled) {
        return BigDecimal.valueOf((long) scaled * scaleFactor, decimalPlaces);
    }
}
