package io.wavebench.simulators.backend.api;

/** A barcode key: the phone makes its 60-second payment codes from it (PaymentBarcode). */
public record BarcodeKey(int slot, long accountId, byte[] secret) {}
