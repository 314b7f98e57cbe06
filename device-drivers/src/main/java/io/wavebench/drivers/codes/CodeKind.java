package io.wavebench.drivers.codes;

import com.google.zxing.BarcodeFormat;

/** The payment codes a phone shows (DESIGN §5.2). */
public enum CodeKind {
    /** The offline token, verified offline. */
    QR_CODE(BarcodeFormat.QR_CODE),
    /** The 18-digit, prefix-28 code, verified online. */
    CODE_128(BarcodeFormat.CODE_128);

    private final BarcodeFormat format;

    CodeKind(BarcodeFormat format) {
        this.format = format;
    }

    public BarcodeFormat format() {
        return format;
    }
}
