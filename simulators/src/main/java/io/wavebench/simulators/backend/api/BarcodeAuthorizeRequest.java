package io.wavebench.simulators.backend.api;

/**
 * A reader presents a payment barcode it read ({@code POST /v1/barcodes/authorizations}) and asks
 * for a hold of {@code amount} minor units (the most it will vend in the session).
 */
public record BarcodeAuthorizeRequest(String code, String readerId, Long amount) {
    public BarcodeAuthorizeRequest {
        if (code == null) throw new IllegalArgumentException("code is missing");
        if (readerId == null) throw new IllegalArgumentException("readerId is missing");
        if (amount == null || amount <= 0) throw new IllegalArgumentException("amount must be positive, got " + amount);
    }
}
