package io.wavebench.drivers.codes;

/** One rung tried: what came of it, and a detail (the refusal, the exception). */
public record Attempt(Rung rung, Outcome outcome, String detail) {

    public enum Outcome {
        // Best first: a rung with several tries reports its best.
        DECODED,
        REFUSED,
        CHECKSUM,
        FORMAT,
        NOT_FOUND
    }

    @Override
    public String toString() {
        return rung + " " + outcome + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
