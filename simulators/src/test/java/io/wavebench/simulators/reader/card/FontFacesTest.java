package io.wavebench.simulators.reader.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wavebench.drivers.ocr.FontTemplateRecognizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card capture's font-matched faces: a face whose font is missing or broken is left to the OCR engine, never an error. */
class FontFacesTest {

    @Test
    void a_face_whose_font_is_missing_or_no_font_is_left_out(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ttf"), "not a font");
        Map<String, Path> faces = new LinkedHashMap<>();
        faces.put("missing", dir.resolve("nowhere.ttf"));
        faces.put("broken", broken);
        assertTrue(FontFaces.load(faces).isEmpty());
    }

    @Test
    void ocr_a_from_debian_is_loaded_when_installed() {
        assumeTrue(FontTemplateRecognizer.unavailable(FontFaces.OCR_A).isEmpty(),
                () -> FontFaces.OCR_A + " is not installed (apt-get install fonts-ocr-a; ./test installs it)");
        assertEquals(1, FontFaces.installed().size());
    }
}
