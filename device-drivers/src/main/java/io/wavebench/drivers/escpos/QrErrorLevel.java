package io.wavebench.drivers.escpos;

/** QR Code "Function 169" n (Epson): 48 = L (7 %), 49 = M (15 %), 50 = Q (25 %), 51 = H (30 %). */
public enum QrErrorLevel {
    L, M, Q, H;

    public int n() {
        return 48 + ordinal();
    }

    public static QrErrorLevel byN(int n) {
        return n >= 48 && n <= 51 ? values()[n - 48] : null;
    }
}
