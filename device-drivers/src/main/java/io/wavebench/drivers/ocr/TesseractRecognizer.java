package io.wavebench.drivers.ocr;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract 5 through bytedeco's JavaCPP presets (natives from the linux-x86_64 jars, trained
 * data from {@link TessData}): the LSTM engine, one text line (page segmentation mode 7) or word (8) per call,
 * restricted to the caller's alphabet. The engine starts on {@link #open()}, never in the
 * constructor (STYLE: hardware and natives open on activate); one per thread.
 */
public final class TesseractRecognizer implements TextRecognizer {

    private final String language;
    private TessBaseAPI api;

    public TesseractRecognizer(String language) {
        this.language = language;
    }

    /** English, the model that reads card digits and dates. */
    public TesseractRecognizer() {
        this("eng");
    }

    /** Loads the natives and the model. */
    public synchronized TesseractRecognizer open() {
        if (api != null) return this;
        String dataPath = TessData.directory(language).toString();
        TessBaseAPI engine;
        try {
            engine = new TessBaseAPI();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new OcrUnavailableException("Tesseract natives do not load on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " (only linux-x86_64 natives are on the class path)", e);
        }
        if (engine.Init(dataPath, language, tesseract.OEM_LSTM_ONLY) != 0) {
            engine.close();
            throw new OcrUnavailableException("Tesseract could not load '" + language + "' from " + dataPath);
        }
        // Card photos are rectified to a known scale before OCR; stating it stops Tesseract
        // guessing a resolution (and printing that it did) on every line.
        engine.SetVariable("user_defined_dpi", "300");
        engine.SetVariable("debug_file", "/dev/null");
        engine.SetPageSegMode(tesseract.PSM_SINGLE_LINE);
        api = engine;
        return this;
    }

    @Override
    public synchronized Recognized readLine(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, tesseract.PSM_SINGLE_LINE);
    }

    /**
     * Page segmentation mode 8 (one word): on a card number's group of four to six digits in a
     * face the model knows less well (OCR-A) it drops fewer digits than the single-line mode.
     */
    @Override
    public synchronized Recognized readWord(byte[] gray, int width, int height, String alphabet) {
        return read(gray, width, height, alphabet, tesseract.PSM_SINGLE_WORD);
    }

    private Recognized read(byte[] gray, int width, int height, String alphabet, int pageSegMode) {
        if (api == null) throw new IllegalStateException("TesseractRecognizer(" + language + "): readLine() before open()");
        if (gray.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " line needs " + width * height + " bytes, got " + gray.length);
        }
        // The space is always allowed (the interface says so); without it in the whitelist
        // Tesseract answers every word with confidence 0.
        api.SetVariable("tessedit_char_whitelist", alphabet.indexOf(' ') >= 0 ? alphabet : alphabet + " ");
        api.SetPageSegMode(pageSegMode);
        api.SetImage(gray, width, height, 1, width);
        if (api.Recognize(null) != 0) {
            api.Clear();
            return new Recognized("", 0);
        }
        int confidence = api.MeanTextConf();
        BytePointer text = api.GetUTF8Text();
        try {
            String read = text == null ? "" : text.getString().strip();
            return new Recognized(read, confidence);
        } finally {
            if (text != null) text.deallocate();
            api.Clear();
        }
    }

    @Override
    public synchronized void close() {
        if (api != null) {
            api.End();
            api.close();
            api = null;
        }
    }
}
