package io.wavebench.drivers.escpos;

/** The n of DLE EOT n (Epson): which real-time status byte the printer sends back. */
public enum StatusKind {
    PRINTER(1), OFFLINE_CAUSE(2), ERROR_CAUSE(3), ROLL_PAPER(4);

    private final int n;

    StatusKind(int n) {
        this.n = n;
    }

    public int n() {
        return n;
    }

    public static StatusKind byN(int n) {
        for (StatusKind k : values()) if (k.n == n) return k;
        return null;
    }
}
