package io.wavebench.simulators.backend.api;

/** The vend a hold pays for ({@code POST /v1/barcodes/authorizations/{id}/capture}). */
public record BarcodeCapture(Long amount, Integer item) {
    public BarcodeCapture {
        if (amount == null || amount <= 0) throw new IllegalArgumentException("amount must be positive, got " + amount);
        if (item == null) throw new IllegalArgumentException("item is missing");
    }
}
