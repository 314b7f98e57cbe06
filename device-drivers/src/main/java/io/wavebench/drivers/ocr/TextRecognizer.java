package io.wavebench.drivers.ocr;

/**
 * Reads text from pixels (DESIGN §5.4: card photos are read with a real OCR engine). A capability
 * with one class per backing; {@link TesseractRecognizer} is the one wavebench has. A recognizer
 * is not shared between threads: give each thread its own.
 */
public interface TextRecognizer extends AutoCloseable {

    /**
     * Reads one line of text from an 8-bit grayscale image, dark text on a light ground, row-major.
     *
     * @param alphabet the characters the line may hold (a space is always allowed); the engine
     *                 answers only with these
     */
    Recognized readLine(byte[] gray, int width, int height, String alphabet);

    /**
     * Reads one word (a short run of characters with no spaces, such as a group of a card
     * number) from an image like {@link #readLine}'s. An engine that has no word mode reads it as a line.
     */
    default Recognized readWord(byte[] gray, int width, int height, String alphabet) {
        return readLine(gray, width, height, alphabet);
    }

    @Override
    void close();
}
