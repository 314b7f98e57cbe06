package io.wavebench.drivers.ocr;

/**
 * What a {@link TextRecognizer} read: the text and the engine's mean confidence in it, 0..100
 * (DESIGN §3 records OCR confidence as a measurement). The text may be secret (a card number):
 * {@link #toString()} never shows it.
 */
public record Recognized(String text, double confidence) {

    public Recognized {
        if (text == null) throw new IllegalArgumentException("recognized text cannot be null (an empty read is \"\")");
    }

    @Override
    public String toString() {
        return "Recognized[" + text.length() + " characters, confidence " + Math.round(confidence) + "]";
    }
}
