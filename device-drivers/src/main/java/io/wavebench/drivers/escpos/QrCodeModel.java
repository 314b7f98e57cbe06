package io.wavebench.drivers.escpos;

/**
 * QR Code "Function 165" n1 (Epson): 49 = Model 1, 50 = Model 2, 51 = Micro QR. Tickets use
 * Model 2, the one phones and ZXing read. escpos-coffee's constants are one lower (48/49), so its
 * "Model 2" selects Model 1 (DESIGN §7, domain notes §2.2).
 */
public enum QrCodeModel {
    MODEL_1(49), MODEL_2(50), MICRO(51);

    private final int n1;

    QrCodeModel(int n1) {
        this.n1 = n1;
    }

    public int n1() {
        return n1;
    }

    public static QrCodeModel byN1(int n1) {
        for (QrCodeModel m : values()) if (m.n1 == n1) return m;
        return null;
    }
}
