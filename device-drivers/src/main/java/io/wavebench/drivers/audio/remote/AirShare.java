package io.wavebench.drivers.audio.remote;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.AudioLinkException;
import io.wavebench.drivers.audio.Pcm16;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a device in another OS process hear the air (the reader as its own process, so
 * a test can SIGKILL it). A microphone in this process — on the simulated rig, a javax.sound
 * line of the loopback cable — is captured without pause and streamed to every process connected
 * to a Unix domain socket, as a network microphone would; {@link SocketAudioIn} is the other end.
 *
 * <p>Wire format, per connection: one ASCII line {@code wavebench-air 1 rate=<Hz> s16le mono\n},
 * then 16-bit little-endian mono PCM from the moment of connection, for as long as both live. A
 * client that disconnects (or is killed) is dropped; the capture goes on, so a restarted client
 * hears the air again from when it reconnects and the cable's capture buffer never overruns.
 */
public final class AirShare implements AutoCloseable {

    static final String MAGIC = "wavebench-air 1";
    private static final Logger log = LoggerFactory.getLogger(AirShare.class);

    private final AudioIn microphone;
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<SocketChannel> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread accepting;
    private final Thread pumping;
    private volatile boolean running = true;

    private AirShare(AudioIn microphone, Path socket, ServerSocketChannel server) {
        this.microphone = microphone;
        this.socket = socket;
        this.server = server;
        this.accepting = new Thread(this::accept, "air-share-accept " + socket.getFileName());
        this.pumping = new Thread(this::pump, "air-share-pump " + socket.getFileName());
        accepting.setDaemon(true);
        pumping.setDaemon(true);
    }

    /**
     * Opens {@code microphone} and shares what it hears at {@code socket} (replaced if a stale
     * socket file from a dead run is there).
     */
    public static AirShare start(AudioIn microphone, Path socket) {
        ServerSocketChannel server;
        try {
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new AudioLinkException(microphone.mixerName(), "cannot share the air at " + socket + ": " + e.getMessage(), e);
        }
        microphone.open();
        AirShare share = new AirShare(microphone, socket, server);
        share.accepting.start();
        share.pumping.start();
        return share;
    }

    public Path socket() {
        return socket;
    }

    /** Processes hearing the air right now (one that went away counts until a write to it fails). */
    public int listeners() {
        return listeners.size();
    }

    /** Listeners taken since start, gone or not: a new one has joined once this has grown. */
    public int listenersAccepted() {
        return accepted.get();
    }

    private void accept() {
        String header = String.format(Locale.ROOT, "%s rate=%d s16le mono%n", MAGIC, Math.round(microphone.format().getSampleRate()));
        while (running) {
            try {
                SocketChannel client = server.accept();
                client.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)));
                listeners.add(client);
                accepted.incrementAndGet();
            } catch (IOException e) {
                if (running) log.warn("air share {}: accepting a listener failed: {}", socket, e.getMessage());
            }
        }
    }

    private void pump() {
        float[] block = new float[Math.max(1, Math.round(microphone.format().getSampleRate() / 100))];
        // Runs 100 times a second for as long as the rig lives: one block's PCM and its buffer are
        // allocated once and reused for every block and every listener.
        byte[] pcm = new byte[block.length * Pcm16.BYTES_PER_SAMPLE];
        ByteBuffer buffer = ByteBuffer.wrap(pcm);
        while (running) {
            int n = microphone.read(block);
            if (n < 0) return;
            if (listeners.isEmpty()) continue; // keep capturing: the cable must not overrun while nobody listens
            Pcm16.encode(block, 0, n, pcm, 0);
            for (SocketChannel client : listeners) {
                try {
                    buffer.clear().limit(n * Pcm16.BYTES_PER_SAMPLE);
                    while (buffer.hasRemaining()) client.write(buffer);
                } catch (IOException e) {
                    // The listening process went away (closed, crashed, killed): the air goes on.
                    listeners.remove(client);
                    closeQuietly(client);
                    log.info("air share {}: a listener left ({})", socket, e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        closeQuietly(server);
        for (SocketChannel client : listeners) closeQuietly(client);
        listeners.clear();
        microphone.close();
        try {
            pumping.join(2_000);
            accepting.join(2_000);
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("air share {}: could not remove the socket file: {}", socket, e.getMessage());
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing on the way out
        }
    }
}
