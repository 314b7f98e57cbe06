package io.wavebench.drivers.codes;

/** Why nothing was decoded, from what the ladder saw. */
public enum FailureReason {
    /** No rung found the code at all: no QR finder patterns, no Code 128 start and stop on any row. */
    NO_CODE_FOUND,
    /** The code was found but its error correction or structure failed on every rung (damaged by glare, blur, noise). */
    UNREADABLE,
    /** A value was decoded but the checks refused it (wrong length, prefix, type): never returned. */
    REFUSED
}
