package io.wavebench.drivers.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Tesseract's trained data, taken from a Maven jar on the class path (DESIGN §5.4: no system
 * install). Tesseract reads a directory, so the file is copied once per JVM into a private
 * temporary directory (per JVM, so concurrent JVMs never share a half-written file; the
 * jSerialComm pitfall of DESIGN §7 applies to any extracted native resource).
 */
public final class TessData {

    /** tess4j's jar carries the LSTM model of tessdata_fast for English here. */
    static final String RESOURCE_DIR = "tessdata/";

    private static Path directory;

    private TessData() {}

    /** A directory holding {@code <language>.traineddata}; extracted on first use. */
    public static synchronized Path directory(String language) {
        try {
            if (directory == null) {
                Path dir = Files.createTempDirectory("wavebench-tessdata-");
                dir.toFile().deleteOnExit();
                directory = dir;
            }
            Path file = directory.resolve(language + ".traineddata");
            if (!Files.exists(file)) {
                String resource = RESOURCE_DIR + language + ".traineddata";
                try (InputStream in = TessData.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new OcrUnavailableException("no trained data '" + resource + "' on the class path (it comes from the "
                                + "net.sourceforge.tess4j:tess4j jar; is it a dependency?)");
                    }
                    Path part = Files.createTempFile(directory, language, ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                }
                file.toFile().deleteOnExit();
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("extracting Tesseract trained data for '" + language + "'", e);
        }
    }
}
