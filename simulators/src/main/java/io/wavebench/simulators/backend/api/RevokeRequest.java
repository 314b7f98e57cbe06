package io.wavebench.simulators.backend.api;

/** An operator's revocation ({@code POST /v1/revocations}): a lost phone, a closed account. */
public record RevokeRequest(Long credentialId, String detail) {

    public RevokeRequest {
        if (credentialId == null) throw new IllegalArgumentException("credentialId is missing");
        if (detail == null || detail.isBlank()) throw new IllegalArgumentException("detail is missing: say why the credential is revoked");
        if (detail.length() > 500) throw new IllegalArgumentException("detail is longer than 500 characters");
    }
}
