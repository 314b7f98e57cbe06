package io.wavebench.simulators.reader.card;

import io.wavebench.drivers.ocr.FontTemplateRecognizer;
import io.wavebench.drivers.ocr.OcrUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faces card numbers are printed in that the card capture reads by matching each digit with
 * the face's own font ({@link FontTemplateRecognizer}) before it asks the OCR engine (DESIGN
 * §5.4): OCR-A (ISO 1073-1, drawn to be read by template matching), whose digits Tesseract's
 * English model reads as other digits or not at all. The fonts are the ones Debian ships; a face
 * whose font is not installed is left to the OCR engine, and the log says so once.
 */
final class FontFaces {

    /** OCR-A as Debian's fonts-ocr-a installs it. */
    static final Path OCR_A = Path.of("/usr/share/fonts/truetype/ocr-a/OCRA.ttf");
    /** Debian's package for each face, for the log line that says it is missing. */
    private static final Map<String, Path> FACES = Map.of("OCR-A (fonts-ocr-a)", OCR_A);

    private static final Logger LOG = LoggerFactory.getLogger(FontFaces.class);
    private static List<FontTemplateRecognizer> installed;

    private FontFaces() {}

    /** One recognizer per face whose font is installed, shared: they hold templates and no state. */
    static synchronized List<FontTemplateRecognizer> installed() {
        if (installed == null) installed = load(FACES);
        return installed;
    }

    /** A recognizer for each of these faces (name to font file) whose font loads; the others are logged and left out. */
    static List<FontTemplateRecognizer> load(Map<String, Path> faces) {
        List<FontTemplateRecognizer> out = new ArrayList<>();
        faces.forEach((name, font) -> {
            Optional<String> missing = FontTemplateRecognizer.unavailable(font);
            if (missing.isPresent()) {
                LOG.info("card photo: {} digits are left to the OCR engine alone: {}", name, missing.get());
                return;
            }
            try {
                out.add(new FontTemplateRecognizer(font, CardPhotoReader.DIGITS + "/").open());
            } catch (OcrUnavailableException e) {
                LOG.warn("card photo: {} digits are left to the OCR engine alone: {}", name, e.getMessage());
            }
        });
        return List.copyOf(out);
    }
}
