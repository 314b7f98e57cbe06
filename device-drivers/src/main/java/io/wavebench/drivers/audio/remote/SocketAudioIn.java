package io.wavebench.drivers.audio.remote;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.AudioLinkException;
import io.wavebench.drivers.audio.Pcm16;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;

/**
 * The {@link AudioIn} backing that hears the air shared by an {@link AirShare} in another
 * process, through a Unix domain socket: a reader running as its own OS process listens this way
 * on the simulated rig. Its name is {@code unix:<socket path>}.
 */
public final class SocketAudioIn implements AudioIn {

    public static final String SCHEME = "unix:";
    private static final Pattern HEADER = Pattern.compile(Pattern.quote(AirShare.MAGIC) + " rate=(\\d+) s16le mono");

    private final Path socket;
    private volatile SocketChannel channel;
    private volatile AudioFormat format;
    private volatile boolean closed;
    /** An odd byte left over from the last read: samples are two bytes, a read may split one. */
    private int carry = -1;
    /** Reused by {@link #read(float[])} (one reader), grown when a caller's buffer is larger. */
    private ByteBuffer readBytes;

    public SocketAudioIn(Path socket) {
        this.socket = socket;
    }

    /** A microphone named {@code unix:/path/to.sock} in a rig file or on a command line. */
    public static boolean names(String microphone) {
        return microphone.startsWith(SCHEME);
    }

    public static SocketAudioIn named(String microphone) {
        if (!names(microphone)) throw new IllegalArgumentException("not a shared-air microphone (unix:<path>): " + microphone);
        return new SocketAudioIn(Path.of(microphone.substring(SCHEME.length())));
    }

    @Override
    public String mixerName() {
        return SCHEME + socket;
    }

    /** The air's format, known once {@link #open()} has read the share's header. */
    @Override
    public AudioFormat format() {
        if (format == null) throw new IllegalStateException(mixerName() + ": format() before open()");
        return format;
    }

    @Override
    public synchronized void open() {
        if (closed) throw new IllegalStateException(mixerName() + ": open() after close()");
        if (channel != null) throw new IllegalStateException(mixerName() + ": open() called twice");
        try {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            c.connect(UnixDomainSocketAddress.of(socket));
            String header = readLine(c);
            Matcher m = HEADER.matcher(header);
            if (!m.matches()) {
                c.close();
                throw new AudioLinkException(mixerName(), "not a wavebench air share: it said '" + header + "'", null);
            }
            format = Pcm16.monoFormat(Integer.parseInt(m.group(1)));
            channel = c;
        } catch (IOException e) {
            throw new AudioLinkException(mixerName(), "cannot hear the shared air (is the rig's air share running?): " + e.getMessage(), e);
        }
    }

    @Override
    public int read(float[] buffer) {
        SocketChannel c = channel;
        if (closed) return -1;
        if (c == null) throw new IllegalStateException(mixerName() + ": read() before open()");
        if (buffer.length == 0) return 0;
        int want = buffer.length * Pcm16.BYTES_PER_SAMPLE;
        ByteBuffer bytes = readBytes;
        if (bytes == null || bytes.capacity() < want) readBytes = bytes = ByteBuffer.allocate(want);
        bytes.clear().limit(want);
        if (carry >= 0) bytes.put((byte) carry);
        try {
            while (bytes.position() < Pcm16.BYTES_PER_SAMPLE) {
                if (c.read(bytes) < 0) {
                    if (closed) return -1;
                    throw new AudioLinkException(mixerName(), "the air share closed the connection", null);
                }
            }
        } catch (IOException e) {
            if (closed) return -1;
            throw new AudioLinkException(mixerName(), "lost the shared air: " + e.getMessage(), e);
        }
        int got = bytes.position();
        int samples = got / Pcm16.BYTES_PER_SAMPLE;
        carry = got % 2 == 1 ? bytes.get(got - 1) & 0xFF : -1;
        Pcm16.decode(bytes.array(), 0, samples, buffer, 0);
        return samples;
    }

    @Override
    public void close() {
        closed = true;
        SocketChannel c = channel;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private String readLine(SocketChannel c) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (line.size() < 200) {
            one.clear();
            if (c.read(one) < 0) break;
            if (one.get(0) == '\n') return line.toString(StandardCharsets.US_ASCII);
            line.write(one.get(0));
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
