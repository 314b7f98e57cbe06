package io.wavebench.drivers.ocr;

/** The OCR engine cannot start here: its natives do not load, or its trained data is missing. */
public final class OcrUnavailableException extends RuntimeException {

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public OcrUnavailableException(String message) {
        super(message);
    }
}
