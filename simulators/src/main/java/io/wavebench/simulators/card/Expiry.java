package io.wavebench.simulators.card;

import java.time.YearMonth;

/** A card's expiry as printed, {@code MM/YY}: valid through the last day of that month. */
public record Expiry(int month, int year) {

    public Expiry {
        if (month < 1 || month > 12) throw new IllegalArgumentException("expiry month must be 1..12, got " + month);
        if (year < 2000 || year > 2099) throw new IllegalArgumentException("expiry year must be 2000..2099, got " + year);
    }

    /** From {@code MM/YY} as printed on the card. */
    public static Expiry parse(String mmYy) {
        if (mmYy == null || !mmYy.matches("[0-9]{2}/[0-9]{2}")) throw new IllegalArgumentException("expiry is MM/YY, got '" + mmYy + "'");
        return new Expiry(Integer.parseInt(mmYy.substring(0, 2)), 2000 + Integer.parseInt(mmYy.substring(3)));
    }

    public boolean expiredAt(YearMonth now) {
        return YearMonth.of(year, month).isBefore(now);
    }

    public String printed() {
        return String.format("%02d/%02d", month, year % 100);
    }

    @Override
    public String toString() {
        return printed();
    }
}
