package io.wavebench.drivers.codes;

/** Why a decoded value was not taken: a short code ({@code WRONG_LENGTH}) and what was seen. */
public record Refusal(String code, String detail) {

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
