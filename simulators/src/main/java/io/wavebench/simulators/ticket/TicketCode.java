package io.wavebench.simulators.ticket;

import io.wavebench.simulators.token.Ed25519;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A movie ticket bought online (DESIGN §5.5) as the phone shows it in a QR code, signed by the
 * backend's ticketing key so a kiosk can check it offline. Layout, big-endian:
 * <pre>
 * version u8 (1) | ticketingKeyId u8 | ticketId u64 | cinemaId u32 | showStart u32 (epoch s) |
 * accountId u64 | seatCount u8 (1..16) | seats: seatCount × 4 ASCII [A-Z0-9], space-padded |
 * signature 64 B (Ed25519 over everything before it)
 * </pre>
 * {@link #parse} is strict: exact length, known version, seat count in range, seat labels of
 * letters and digits only. It does not check the signature; {@link TicketVerifier} does.
 */
public record TicketCode(int version, int keyId, long ticketId, long cinemaId, long showStart, long accountId, List<String> seats,
                         byte[] signature) {

    public static final int VERSION = 1;
    public static final int MAX_SEATS = 16;
    public static final int SEAT_BYTES = 4;
    static final int FIXED_BYTES = 1 + 1 + 8 + 4 + 4 + 8 + 1;
    private static final Pattern SEAT = Pattern.compile("[A-Z0-9]{1,4}");

    public TicketCode {
        seats = List.copyOf(seats);
        signature = signature.clone();
        if (keyId < 0 || keyId > 0xFF) throw new IllegalArgumentException("ticketing key id is a u8: " + keyId);
        if (cinemaId < 0 || cinemaId > 0xFFFF_FFFFL) throw new IllegalArgumentException("cinema id is a u32: " + cinemaId);
        if (showStart < 0 || showStart > 0xFFFF_FFFFL) throw new IllegalArgumentException("show start is a u32 of epoch seconds: " + showStart);
        if (seats.isEmpty() || seats.size() > MAX_SEATS) throw new IllegalArgumentException("a ticket has 1 to " + MAX_SEATS + " seats: " + seats);
        for (String seat : seats) {
            if (!SEAT.matcher(seat).matches()) throw new IllegalArgumentException("a seat is 1 to 4 of A-Z 0-9: '" + seat + "'");
        }
        if (signature.length != Ed25519.SIGNATURE_BYTES) throw new IllegalArgumentException("signature must be 64 bytes");
    }

    /** An unsigned ticket (signature zero), for the ticketing key to sign. */
    public static TicketCode unsigned(int keyId, long ticketId, long cinemaId, Instant showStart, long accountId, List<String> seats) {
        return new TicketCode(VERSION, keyId, ticketId, cinemaId, showStart.getEpochSecond(), accountId, seats, new byte[Ed25519.SIGNATURE_BYTES]);
    }

    public static int length(int seatCount) {
        return FIXED_BYTES + seatCount * SEAT_BYTES + Ed25519.SIGNATURE_BYTES;
    }

    public Instant showStartInstant() {
        return Instant.ofEpochSecond(showStart);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public TicketCode withSignature(byte[] s) {
        return new TicketCode(version, keyId, ticketId, cinemaId, showStart, accountId, seats, s);
    }

    /** The bytes the ticketing key signs. */
    public byte[] signedPart() {
        ByteBuffer b = ByteBuffer.allocate(FIXED_BYTES + seats.size() * SEAT_BYTES);
        b.put((byte) version).put((byte) keyId).putLong(ticketId).putInt((int) cinemaId).putInt((int) showStart).putLong(accountId);
        b.put((byte) seats.size());
        for (String seat : seats) b.put(String.format("%-4s", seat).getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    public byte[] encode() {
        byte[] signed = signedPart();
        byte[] out = Arrays.copyOf(signed, signed.length + signature.length);
        System.arraycopy(signature, 0, out, signed.length, signature.length);
        return out;
    }

    public static TicketCode parse(byte[] bytes) throws MalformedTicketException {
        if (bytes.length < FIXED_BYTES + SEAT_BYTES + Ed25519.SIGNATURE_BYTES) {
            throw new MalformedTicketException(MalformedTicketException.Problem.WRONG_LENGTH, bytes.length + " bytes, a ticket has at least " + length(1));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.get() & 0xFF;
        if (version != VERSION) throw new MalformedTicketException(MalformedTicketException.Problem.UNKNOWN_VERSION, "version " + version + ", known: " + VERSION);
        int keyId = b.get() & 0xFF;
        long ticketId = b.getLong();
        long cinemaId = b.getInt() & 0xFFFF_FFFFL;
        long showStart = b.getInt() & 0xFFFF_FFFFL;
        long accountId = b.getLong();
        int count = b.get() & 0xFF;
        if (count < 1 || count > MAX_SEATS) throw new MalformedTicketException(MalformedTicketException.Problem.BAD_SEAT_COUNT, count + " seats, a ticket has 1 to " + MAX_SEATS);
        if (bytes.length != length(count)) {
            throw new MalformedTicketException(MalformedTicketException.Problem.WRONG_LENGTH, bytes.length + " bytes, a ticket of " + count + " seats has " + length(count));
        }
        List<String> seats = new ArrayList<>(count);
        byte[] seat = new byte[SEAT_BYTES];
        for (int i = 0; i < count; i++) {
            b.get(seat);
            String label = new String(seat, StandardCharsets.US_ASCII);
            String trimmed = label.stripTrailing();
            if (!SEAT.matcher(trimmed).matches() || !label.equals(String.format("%-4s", trimmed))) {
                throw new MalformedTicketException(MalformedTicketException.Problem.BAD_SEAT, "seat " + (i + 1) + " is not 1 to 4 of A-Z 0-9, space-padded");
            }
            seats.add(trimmed);
        }
        byte[] signature = new byte[Ed25519.SIGNATURE_BYTES];
        b.get(signature);
        return new TicketCode(version, keyId, ticketId, cinemaId, showStart, accountId, seats, signature);
    }

    @Override
    public String toString() {
        return "ticket " + ticketId + " (cinema " + cinemaId + ", show " + showStartInstant() + ", seats " + String.join(" ", seats) + ")";
    }
}
