package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.remote.SocketAudioIn;
import io.wavebench.drivers.mdb.MdbFraming;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.ParityMdbTransport;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.reader.journal.JournalState;
import io.wavebench.simulators.reader.journal.SqliteAuthorizationJournal;
import io.wavebench.simulators.token.Ed25519;
import io.wavebench.simulators.token.TokenVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated reader as its own OS process (DESIGN §2: a simulator runs in-process or alone;
 * issue 5: so a test can SIGKILL it at any point of a purchase and restart it on the same journal
 * and port):
 * <pre>
 * java -cp … io.wavebench.simulators.reader.ReaderMain --mdb PATH --microphone unix:SOCKET|MIXER
 *      --journal FILE --issuer-key ID:HEX|ID:FILE [--reader-id ID] [--profile fast] [--transport pty|uart]
 *      [--sample-rate 48000] [--max-session-funds N] [--session-timeout 30s]
 * </pre>
 * On start it recovers from its SQLite journal (open vends booked, replay counters and offline
 * spend restored, DESIGN §5.1), opens MDB (cashless #1, DESIGN §5.3) and its microphone, then
 * prints one line {@code reader ID ready: …} and, as they happen, one line per reader event
 * ({@code event <time> <KIND>: <detail>}). Its standard input takes commands: {@code sync URL}
 * (upload the journal to the backend at URL and pull revocations; answers {@code synced: …} or
 * {@code sync failed: …}) and {@code stop}. It stops cleanly on {@code stop}, when its standard
 * input closes, or on SIGTERM ({@code reader ID stopping} is printed then); SIGKILL stops it with
 * nothing printed, as a power cut would.
 */
public final class ReaderMain {

    /** DESIGN §5.1: the stated skew allowance between reader and phone clocks (as the sim rig). */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofSeconds(120);
    /** DESIGN §5.1: payment codes refresh every minute. */
    static final Duration TOKEN_FRESHNESS = Duration.ofSeconds(60);
    private static final String USAGE = "usage: ReaderMain --mdb PATH --microphone unix:SOCKET|MIXER --journal FILE --issuer-key ID:HEX|ID:FILE"
            + " [--reader-id ID] [--profile robust|fast|ultrasonic] [--transport pty|uart] [--sample-rate HZ] [--max-session-funds N] [--session-timeout 30s]";

    /** What the process runs with, parsed from its command line. */
    public record Options(String mdbPort, String transport, String microphone, Path journal, Map<Integer, PublicKey> issuerKeys,
                          String readerId, ModemProfile profile, float sampleRate, long maxSessionFunds, Duration sessionTimeout) {}

    private ReaderMain() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, new PrintWriter(System.out, true, StandardCharsets.UTF_8), System.in));
    }

    /**
     * Runs the reader until {@code stop}, the end of {@code commands}, a signal or a failed bus.
     *
     * @return 0 when stopped as asked, 1 when the reader could not start or its bus failed
     */
    public static int run(Options o, PrintWriter out, InputStream commands) {
        Log log = new Log(out);
        SimulatedReader reader = null;
        SqliteAuthorizationJournal journal = null;
        try {
            AcousticModem modem = AcousticModem.of(o.profile(), o.sampleRate());
            TokenVerifier verifier = new TokenVerifier(o.issuerKeys(), Clock.systemUTC(), CLOCK_SKEW_ALLOWANCE, TOKEN_FRESHNESS);
            AudioIn microphone = microphone(o.microphone());
            journal = SqliteAuthorizationJournal.open(o.journal());
            reader = new SimulatedReader(o.readerId(), microphone, modem, transport(o.mdbPort(), o.transport()), verifier,
                    Clock.systemUTC(), o.maxSessionFunds(), journal)
                    .sessionTimeout(o.sessionTimeout());
            reader.start();
            float heard = microphone.format().getSampleRate();
            if (heard != o.sampleRate()) {
                throw new IllegalArgumentException("the microphone " + o.microphone() + " runs at " + heard + " Hz, the modem was made for --sample-rate "
                        + o.sampleRate());
            }
        } catch (RuntimeException e) {
            if (reader != null) reader.close(); // the port and the journal, if it got that far
            if (journal != null) journal.close();
            log.line("FAILED: reader " + o.readerId() + " could not start: " + e);
            return 1;
        }
        return serve(o, reader, log, commands);
    }

    private static int serve(Options o, SimulatedReader reader, Log log, InputStream commands) {
        Events events = new Events(reader, log);
        Thread shutdown = new Thread(() -> {
            log.line("reader " + o.readerId() + " stopping");
            events.stop();
            reader.close();
        }, "reader-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        JournalState state = reader.journal().recover();
        log.line("reader " + o.readerId() + " ready: MDB cashless #1 on " + o.mdbPort() + " (" + o.transport() + "), microphone "
                + o.microphone() + " at " + Math.round(o.sampleRate()) + " Hz, " + o.profile().cliName() + " modem, journal " + o.journal()
                + " (" + state.lastSequence() + " entries, uploaded through #" + state.uploadedThrough() + ")");
        events.start();
        int exit = commandLoop(o, reader, log, commands);
        events.stop();
        Runtime.getRuntime().removeShutdownHook(shutdown);
        reader.close();
        log.line("reader " + o.readerId() + " stopped");
        return exit;
    }

    /** Reads commands until {@code stop} or the end of input; a failed bus ends it too (see {@link Events}). */
    private static int commandLoop(Options o, SimulatedReader reader, Log log, InputStream commands) {
        BufferedReader in = new BufferedReader(new InputStreamReader(commands, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.strip();
                if (command.isEmpty()) continue;
                if (command.equals("stop")) return 0;
                if (command.startsWith("sync ")) {
                    sync(reader, URI.create(command.substring(5).strip()), log);
                } else {
                    log.line("unknown command '" + command + "' (commands: sync URL, stop)");
                }
            }
        } catch (IOException e) {
            log.line("standard input failed: " + e.getMessage() + "; stopping");
        }
        return reader.busFailure().isPresent() ? 1 : 0;
    }

    private static void sync(SimulatedReader reader, URI backend, Log log) {
        try {
            int revocations = reader.syncWith(new BackendClient(backend));
            JournalState state = reader.journal().recover();
            log.line("synced: journal uploaded through #" + state.uploadedThrough() + " of " + state.lastSequence() + ", " + state.open().size()
                    + " open, " + revocations + " revocations applied");
        } catch (BackendException | IllegalArgumentException e) {
            log.line("sync failed: " + e.getMessage());
        }
    }

    static MdbTransport transport(String port, String kind) {
        try {
            return MdbFraming.parse(kind).on(port, ParityMdbTransport.Role.PERIPHERAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--transport must be pty or uart, got '" + kind + "'", e);
        }
    }

    /** {@code unix:<socket>}: the air shared by another process (the simulated rig); else a javax.sound mixer name. */
    static AudioIn microphone(String name) {
        return SocketAudioIn.names(name) ? SocketAudioIn.named(name) : new JavaSoundAudioIn(name);
    }

    public static Options parse(String[] args) {
        String mdb = null;
        String transport = "pty";
        String microphone = null;
        Path journal = null;
        Map<Integer, PublicKey> keys = new LinkedHashMap<>();
        String readerId = "sim-reader-1";
        ModemProfile profile = ModemProfile.ROBUST;
        float rate = 48_000f;
        long funds = 100_00;
        Duration sessionTimeout = Duration.ofSeconds(30);
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
            String value = args[i + 1];
            switch (option) {
                case "--mdb" -> mdb = value;
                case "--transport" -> transport = value;
                case "--microphone" -> microphone = value;
                case "--journal" -> journal = Path.of(value);
                case "--issuer-key" -> {
                    Map.Entry<Integer, PublicKey> key = issuerKey(value);
                    keys.put(key.getKey(), key.getValue());
                }
                case "--reader-id" -> readerId = value;
                case "--profile" -> profile = ModemProfile.fromCliName(value);
                case "--sample-rate" -> rate = Float.parseFloat(value);
                case "--max-session-funds" -> funds = Long.parseLong(value);
                case "--session-timeout" -> sessionTimeout = duration(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (mdb == null) throw new IllegalArgumentException("--mdb PATH is required (the reader's MDB port, e.g. a pty)");
        if (microphone == null) throw new IllegalArgumentException("--microphone is required (unix:SOCKET for shared air, or a mixer name)");
        if (journal == null) throw new IllegalArgumentException("--journal FILE is required (the reader's durable SQLite journal)");
        if (keys.isEmpty()) throw new IllegalArgumentException("--issuer-key ID:HEX|ID:FILE is required (the issuer keys the reader trusts)");
        transport(mdb, transport); // checks the kind now, not after the journal is open
        return new Options(mdb, transport, microphone, journal, Map.copyOf(keys), readerId, profile, rate, funds, sessionTimeout);
    }

    /** "500ms", "30s". */
    private static Duration duration(String option, String value) {
        try {
            if (value.endsWith("ms")) return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            if (value.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(option + ": not a duration: '" + value + "' (use e.g. 500ms, 30s)");
    }

    /**
     * {@code ID:HEX} (the raw 32-byte Ed25519 public key, 64 hex digits) or {@code ID:FILE} (a file
     * holding those hex digits, or the 32 raw bytes).
     */
    static Map.Entry<Integer, PublicKey> issuerKey(String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("--issuer-key wants ID:HEX or ID:FILE, got '" + spec + "'");
        int id;
        try {
            id = Integer.parseInt(spec.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--issuer-key: the key id must be a number (0-255), got '" + spec.substring(0, colon) + "'");
        }
        if (id < 0 || id > 255) throw new IllegalArgumentException("--issuer-key: key id " + id + " is not a u8 (DESIGN §5.1)");
        String value = spec.substring(colon + 1);
        byte[] raw;
        if (value.matches("[0-9a-fA-F]{" + 2 * Ed25519.PUBLIC_KEY_BYTES + "}")) {
            raw = HexFormat.of().parseHex(value);
        } else {
            Path file = Path.of(value);
            try {
                byte[] content = Files.readAllBytes(file);
                String text = new String(content, StandardCharsets.US_ASCII).strip();
                if (text.matches("[0-9a-fA-F]{" + 2 * Ed25519.PUBLIC_KEY_BYTES + "}")) raw = HexFormat.of().parseHex(text);
                else if (content.length == Ed25519.PUBLIC_KEY_BYTES) raw = content;
                else throw new IllegalArgumentException("--issuer-key " + spec + ": " + file + " holds " + content.length
                            + " bytes, neither 64 hex digits nor a raw 32-byte Ed25519 public key");
            } catch (IOException e) {
                throw new IllegalArgumentException("--issuer-key " + spec + ": neither 64 hex digits nor a readable file (" + e + ")");
            }
        }
        return Map.entry(id, Ed25519.publicKey(raw));
    }

    /**
     * Prints the reader's events as they happen, and stops the process if its bus fails. Stopped
     * (by the shutdown hook, say) before the reader is closed, so that a clean close is never taken
     * for a failed bus; one stopped before it started never starts.
     */
    private static final class Events implements Runnable {
        private final SimulatedReader reader;
        private final Log log;
        private final Thread thread;
        private volatile boolean running = true;
        private int shown;

        Events(SimulatedReader reader, Log log) {
            this.reader = reader;
            this.log = log;
            this.thread = new Thread(this, "reader-events");
            thread.setDaemon(true);
        }

        synchronized void start() {
            if (running) thread.start();
        }

        @Override
        public void run() {
            while (running) {
                show();
                if (running && reader.busFailure().isPresent()) {
                    log.line("FAILED: the MDB link failed: " + reader.busFailure().get().getMessage());
                    Runtime.getRuntime().halt(1); // nothing left to serve; the journal is already durable
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void show() {
            List<ReaderEvent> all = reader.events();
            for (; shown < all.size(); shown++) log.line("event " + all.get(shown));
        }

        void stop() {
            synchronized (this) {
                running = false;
            }
            thread.interrupt();
            try {
                if (thread.isAlive()) thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            show();
        }
    }

    /** One line at a time, timestamped, flushed at once: the parent reads it live. */
    private record Log(PrintWriter out) {
        synchronized void line(String text) {
            out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + "  " + text);
            out.flush();
        }
    }
}
