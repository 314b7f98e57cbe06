package io.wavebench.drivers.mdb;

/**
 * A misbehaviour a simulated MDB device can be told to show, once, on purpose (the way
 * MockWebServer's {@code SocketPolicy} names the socket failures it imitates). Each names a real
 * failure seen on vending buses; the link layers ({@link PeripheralPort}, {@link VmcMaster}) and
 * the simulated devices apply them to the next exchange they concern.
 */
public enum MdbFault {
    /**
     * The handshake after a block is lost: a reader acts on the next command but its ACK never
     * reaches the VMC (a noise burst on the line), or the VMC takes a reader's data but its ACK is
     * lost. The other side must repeat, and the repeat must not be acted on twice (MDB 4.2 §2.2).
     */
    NO_ACK,
    /** The next block goes out with its CHK off by one: the receiver must NAK (reader) or RET (VMC). */
    BAD_CHECKSUM,
    /**
     * The device goes quiet for one exchange, as if its firmware stalled: the reader does not
     * answer the next command; the VMC skips one poll. MDB 4.2 §2.2: silence counts as a NAK.
     */
    SILENCE,
    /**
     * A command the state does not allow: the reader answers the next command with COMMAND OUT OF
     * SEQUENCE; the VMC sends a VEND SUCCESS with no vend in progress. MDB 4.2 §7.3: the VMC then
     * resets the reader.
     */
    OUT_OF_SEQUENCE
}
