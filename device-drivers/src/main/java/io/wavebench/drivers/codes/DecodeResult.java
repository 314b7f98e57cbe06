package io.wavebench.drivers.codes;

import java.util.List;

/** What decoding a frame gave: a checked value and the rung that found it, or why there is none. */
public sealed interface DecodeResult {

    List<Attempt> attempts();

    /** A value that passed the checks. {@code bytes} is the payload (for a barcode, its text in ASCII). */
    record Decoded(CodeKind kind, byte[] bytes, String text, Rung rung, List<Attempt> attempts) implements DecodeResult {
        public Decoded {
            bytes = bytes.clone();
            attempts = List.copyOf(attempts);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String toString() {
            return kind + " decoded at " + rung + " (" + bytes.length + " bytes)";
        }
    }

    /** Nothing passed: the reason, a best guess why from the frame itself, and every rung tried. */
    record NotDecoded(CodeKind kind, FailureReason reason, String why, FrameDiagnosis diagnosis, List<Attempt> attempts) implements DecodeResult {
        public NotDecoded {
            attempts = List.copyOf(attempts);
        }

        @Override
        public String toString() {
            return kind + " not decoded: " + reason + ": " + why;
        }
    }
}
