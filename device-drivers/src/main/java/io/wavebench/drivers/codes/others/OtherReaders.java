package io.wavebench.drivers.codes.others;

import io.wavebench.drivers.codes.CodeKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Other makers' decoders run on an image file, each asked for one kind of code only: what they
 * read, as bytes (a QR code's payload; a barcode's text in ASCII), or nothing.
 */
public enum OtherReaders {
    /** {@code zbarimg} (zbar-tools): raw bytes, no charset conversion. */
    ZBAR(OtherTool.ZBARIMG) {
        @Override
        List<String> args(CodeKind kind, Path image) {
            String symbology = kind == CodeKind.QR_CODE ? "qrcode" : "code128";
            return List.of("--nodbus", "-q", "--raw", "-Sbinary", "-Sdisable", "-S" + symbology + ".enable", image.toString());
        }
    },
    /** {@code ZXingReader} (zxing-cpp-tools): the symbol's bytes. */
    ZXING_CPP(OtherTool.ZXING_CPP) {
        @Override
        List<String> args(CodeKind kind, Path image) {
            return List.of("-format", kind == CodeKind.QR_CODE ? "QRCode" : "Code128", "-bytes", image.toString());
        }
    };

    private final OtherTool tool;

    OtherReaders(OtherTool tool) {
        this.tool = tool;
    }

    public OtherTool tool() {
        return tool;
    }

    abstract List<String> args(CodeKind kind, Path image);

    /** What the reader read from the image; empty when it found nothing (zbarimg exits 4 then, ZXingReader prints nothing). */
    public Optional<byte[]> read(CodeKind kind, Path image) {
        OtherTool.Run run = tool.run(args(kind, image), new byte[0]);
        if (this == ZBAR && run.exit() == 4) return Optional.empty();
        if (run.exit() != 0) throw new IllegalStateException(tool.command() + " failed on " + image + ": exit " + run.exit() + ", " + run.stderr());
        return run.stdout().length == 0 ? Optional.empty() : Optional.of(run.stdout());
    }
}
