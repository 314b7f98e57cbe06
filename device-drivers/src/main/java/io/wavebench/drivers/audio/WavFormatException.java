package io.wavebench.drivers.audio;

import java.io.IOException;
import java.nio.file.Path;

/** A WAV file wavebench cannot read; the message names the file and what was found in it. */
public class WavFormatException extends IOException {

    public WavFormatException(Path file, String found) {
        super(file + ": " + found);
    }
}
