package io.wavebench.simulators.backend.api;

/**
 * A phone, online, asks for its first credential ({@code POST /v1/credentials}).
 *
 * @param devicePublicKey the raw 32-byte Ed25519 key the credential binds (base64 in JSON)
 * @param offlineLimit minor units the phone may spend offline between syncs (u32)
 * @param currency ISO 4217 numeric code
 */
public record EnrollmentRequest(Long accountId, byte[] devicePublicKey, Long offlineLimit, Integer currency) {

    public EnrollmentRequest {
        if (accountId == null) throw new IllegalArgumentException("accountId is missing");
        if (devicePublicKey == null || devicePublicKey.length != 32) {
            throw new IllegalArgumentException("devicePublicKey must be 32 bytes, got " + (devicePublicKey == null ? "none" : devicePublicKey.length));
        }
        if (offlineLimit == null || offlineLimit < 0 || offlineLimit > 0xFFFF_FFFFL) throw new IllegalArgumentException("offlineLimit must be a u32, got " + offlineLimit);
        if (currency == null || currency < 0 || currency > 0xFFFF) throw new IllegalArgumentException("currency must be a u16, got " + currency);
    }
}
