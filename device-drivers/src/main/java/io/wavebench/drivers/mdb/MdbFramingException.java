package io.wavebench.drivers.mdb;

/** The line carried bytes that are not a valid MDB bus word or block. Names port and bytes. */
public class MdbFramingException extends RuntimeException {
    public MdbFramingException(String message) {
        super(message);
    }
}
