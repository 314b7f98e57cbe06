package io.wavebench.drivers.codes;

/**
 * The steps of the decoder's preprocessing ladder (DESIGN §5.2), cheapest first. Each tries ZXing
 * on a differently prepared copy of the frame; the first value that passes the checks wins.
 */
public enum Rung {
    /** The frame as captured, HybridBinarizer (local thresholds). */
    AS_IS,
    /** 3×3 median: sensor noise and JPEG speckle removed, edges kept. */
    DENOISED,
    /** The denoised frame through GlobalHistogramBinarizer (one threshold); QR only, since ZXing's 1D rows always use it. */
    GLOBAL_BINARIZER,
    /** Denoised, divided by its local mean (glare, a gradient, a dim screen) and stretched to the full range. */
    CONTRAST_STRETCH,
    /**
     * Re-projected as if the camera had turned 30° towards a tilted screen, each way about each
     * axis and along both diagonals (eight tries): undoes the perspective that makes ZXing refuse a
     * close, tilted QR code.
     */
    TURNED,
    /** 1D only: turned so the bars stand upright, then smeared along them. */
    DESKEWED_SMEARED,
    /** The denoised frame with ZXing's TRY_HARDER (every row, and turned 90° for 1D). */
    TRY_HARDER,
    /** PURE_BARCODE: a frame that is nothing but the code (a screenshot). */
    PURE_BARCODE,
    /*
     * The rungs below were added for photographs of codes others printed, small and soft (DESIGN
     * §5.2: ≥ 3 px a module). They come last so that a frame the rungs above read costs what it
     * cost before.
     */
    /**
     * A small code scaled up: only when the frame's runs say a module is under 4 px, the box where
     * those runs are (for 1D, of its deskewed and smeared copy) two or three times larger by bicubic
     * interpolation, at most 3 MP; as is, sharpened, and (QR) turned so its grid stands upright.
     */
    UPSCALED,
    /** An unsharp mask (σ 1.5 px, amount 1.5) on the frame as captured: edges a defocus softened, steepened. */
    SHARPENED,
    /**
     * QR only: the code found where ZXing found it (finder and alignment patterns), sampled as the
     * next and the previous versions (±4 modules a side) too. Under a keystone ZXing's estimate of
     * the size from the finder patterns' distances is one version off for large codes, and its
     * version check then throws the code away; the error correction tells the right size.
     */
    OTHER_VERSION,
    /**
     * QR only: the finder patterns (of the frame as captured, else of its denoised copy) grouped
     * even when a keystone makes their sizes differ by more than ZXing allows, every alignment
     * pattern of the version looked for, and each region between four neighbouring pattern centres
     * sampled with its own transform ({@link AlignedGrid}), at the measured size and the versions
     * either side; the modules read from the frame as captured, binarized and against a local grey
     * threshold. Then the same on the code box {@link #UPSCALED} scaled up.
     */
    ALIGNED;

    boolean appliesTo(CodeKind kind) {
        return switch (this) {
            case GLOBAL_BINARIZER -> kind == CodeKind.QR_CODE;
            case DESKEWED_SMEARED -> kind == CodeKind.CODE_128;
            case OTHER_VERSION, ALIGNED -> kind == CodeKind.QR_CODE;
            default -> true;
        };
    }
}
