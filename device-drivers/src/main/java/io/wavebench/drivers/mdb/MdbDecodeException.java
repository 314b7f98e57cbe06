package io.wavebench.drivers.mdb;

import java.util.HexFormat;

/**
 * A well-framed block whose bytes are not a message this codec knows: an unknown command or
 * response code, or a message too short or too long. Names the bytes so a trace can be matched.
 */
public class MdbDecodeException extends RuntimeException {

    public MdbDecodeException(String what, byte[] data) {
        super(what + " (bytes: " + (data.length == 0 ? "none" : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data)) + ")");
    }
}
