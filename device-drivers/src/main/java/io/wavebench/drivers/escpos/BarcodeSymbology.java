package io.wavebench.drivers.escpos;

/** The bar code systems of GS k (Epson "print bar code"), by their function A and function B numbers. */
public enum BarcodeSymbology {
    UPC_A(0, 65), UPC_E(1, 66), EAN13(2, 67), EAN8(3, 68), CODE39(4, 69), ITF(5, 70), CODABAR(6, 71),
    CODE93(-1, 72), CODE128(-1, 73), GS1_128(-1, 74), GS1_DATABAR_OMNIDIRECTIONAL(-1, 75), GS1_DATABAR_TRUNCATED(-1, 76),
    GS1_DATABAR_LIMITED(-1, 77), GS1_DATABAR_EXPANDED(-1, 78), CODE128_AUTO(-1, 79);

    private final int functionA;
    private final int functionB;

    BarcodeSymbology(int functionA, int functionB) {
        this.functionA = functionA;
        this.functionB = functionB;
    }

    /** m of GS k m with function B. */
    public int functionB() {
        return functionB;
    }

    /** The symbology of GS k m, or null for an m that names none. */
    public static BarcodeSymbology byM(int m) {
        for (BarcodeSymbology s : values()) if (s.functionA == m || s.functionB == m) return s;
        return null;
    }
}
