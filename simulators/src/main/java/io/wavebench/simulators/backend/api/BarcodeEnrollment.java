package io.wavebench.simulators.backend.api;

/** A phone, online, asks for a barcode key ({@code POST /v1/barcode-keys}). */
public record BarcodeEnrollment(Long accountId) {
    public BarcodeEnrollment {
        if (accountId == null) throw new IllegalArgumentException("accountId is missing");
    }
}
