package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.audio.JavaSoundAudioOut;
import io.wavebench.drivers.audio.remote.SocketAudioIn;
import io.wavebench.drivers.escpos.SerialEscPosPrinter;
import io.wavebench.drivers.mdb.MdbFraming;
import io.wavebench.drivers.mdb.MdbTransport;
import io.wavebench.drivers.mdb.ParityMdbTransport;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.ocr.TesseractRecognizer;
import io.wavebench.drivers.optical.ScreenCaptureCamera;
import io.wavebench.drivers.serial.JSerialCommLink;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.BackendException;
import io.wavebench.simulators.reader.journal.JournalState;
import io.wavebench.simulators.reader.journal.SqliteAuthorizationJournal;
import io.wavebench.simulators.token.Ed25519;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The reference reader as its own OS process (DESIGN §1: the {@code process} backing; DESIGN §2:
 * a simulator runs in-process or alone): the whole {@link ReferenceReader}, reached only through
 * what it is given — a microphone, an MDB port, a code camera (an X display's pixels), a printer
 * port, a backend URL and keys, a state folder.
 * <pre>
 * java -cp … io.wavebench.simulators.reader.ReaderMain
 *      --mdb PATH [--transport pty|uart] --microphone unix:SOCKET|MIXER
 *      (--journal FILE | --state DIR) (--issuer-key ID:HEX|ID:FILE ... | --provision FILE)
 *      [--reader-id ID] [--protocol NAME] [--profile P | --profiles P[,P...]] [--sample-rate 48000] [--line-buffer 80ms]
 *      [--max-session-funds N] [--session-timeout 30s]
 *      [--speaker MIXER --two-way off|offer|require]
 *      [--camera x11[:SCREEN][@WxH+X+Y]|none] [--camera-fps 10]
 *      [--printer PATH --kiosk-id ID --cinema-id N --cinema-name NAME --ticketing-key ID:HEX|ID:FILE]
 *      [--backend URL] [--sync-every 2s]
 * </pre>
 * {@code --provision FILE} ({@link Provisioning}) gives the reader id, the issuer and ticketing
 * keys, the backend URL, the kiosk and the clock check at once; options on the command line win
 * over it. {@code --state DIR} keeps the journal at {@code DIR/journal.sqlite}. A reader with a
 * printer and no {@code --mdb} is a kiosk only.
 *
 * <p>On start it recovers from its SQLite journal (open vends booked, replay counters and offline
 * spend restored, DESIGN §5.1), opens MDB (cashless #1, DESIGN §5.3), its microphone, its camera
 * and its printer, then prints one line {@code reader ID ready: …} (harnesses wait for it) and, as
 * they happen, one line per reader event ({@code event <time> <KIND>: <detail>}): evidence for a
 * person, never what a test asserts on. Its standard input takes commands: {@code sync} (sync with
 * its backend now), {@code sync URL} (upload the journal to the backend at URL and pull
 * revocations; answers {@code synced: …} or {@code sync failed: …}) and {@code stop}. It stops
 * cleanly on {@code stop}, when its standard input closes, or on SIGTERM ({@code reader ID
 * stopping} is printed then); SIGKILL stops it with nothing printed, as a power cut would. With
 * {@code --commands none} it reads no standard input and runs until SIGTERM: a bench's reader
 * started in the background.
 */
@Command(name = "ReaderMain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The reference reader as its own OS process: hears payments, reads codes and cards, prints tickets, "
                + "journals every approval and syncs with its backend (see the class's documentation)."})
public final class ReaderMain implements Callable<Integer> {

    /** The journal's file in a {@code --state} folder. */
    public static final String JOURNAL_FILE = "journal.sqlite";

    /** The kiosk function's settings from the command line or the provisioning file. */
    public record Kiosk(String printer, String kioskId, long cinemaId, String cinemaName, Map<Integer, PublicKey> ticketingKeys) {}

    /**
     * What the process runs with, parsed from its command line.
     *
     * @param mdbPort    null for a kiosk with no vending machine
     * @param microphone null for a reader that hears nothing
     * @param camera     {@code x11[:SCREEN][@WxH+X+Y]}, or null for none
     * @param kiosk      null for no kiosk function
     * @param backend    null for no uplink
     */
    public record Options(String mdbPort, String transport, String microphone, Path journal, Map<Integer, PublicKey> issuerKeys,
                          String readerId, List<ModemProfile> profiles, Listening listening, float sampleRate, long maxSessionFunds, Duration sessionTimeout,
                          Duration lineBuffer, Duration skewAllowance, Duration tokenFreshness, String speaker, TwoWay twoWay,
                          String camera, double cameraFps, Kiosk kiosk, URI backend, Duration syncEvery) {

        /** The first modem profile: the one it answers a two-way challenge in unless a HELLO came in another. */
        public ModemProfile profile() {
            return profiles.get(0);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--mdb", paramLabel = "PATH", description = "The reader's MDB port: a bench's USB adapter or a pty (a kiosk-only reader has none).")
    String mdb;

    @Mixin
    ReaderOptions reader = new ReaderOptions();

    private ReaderMain() {}

    /**
     * Standard input for a reader that takes no commands ({@code --commands none}): it never ends,
     * so the reader runs until SIGTERM (a bench's reader started in the background, whose standard
     * input is /dev/null, would otherwise stop at once, as a reader whose parent closed its pipe does).
     */
    public static InputStream noCommands() {
        return new InputStream() {
            @Override
            public int read() {
                while (true) LockSupport.park(this);
            }
        };
    }

    /** Exit codes: 0 stopped as asked, 1 could not start or the bus failed, 2 a command line it cannot run with. */
    public static void main(String[] args) {
        CommandLine cl = commandLine(new ReaderMain());
        cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        System.exit(cl.execute(args));
    }

    private static CommandLine commandLine(ReaderMain main) {
        // A bench's command line may repeat an option to override its template's: the last one wins.
        return new CommandLine(main).setOverwrittenOptionsAllowed(true);
    }

    @Override
    public Integer call() {
        Options options;
        InputStream commands;
        try {
            options = reader.toOptions(mdb, "--mdb");
            commands = reader.commands(System.in);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return run(options, spec.commandLine().getOut(), commands);
    }

    /**
     * Runs the reader until {@code stop}, the end of {@code commands}, a signal or a failed bus.
     *
     * @return 0 when stopped as asked, 1 when the reader could not start or its bus failed
     */
    public static int run(Options o, PrintWriter out, InputStream commands) {
        Log log = new Log(out);
        ReferenceReader reader;
        try {
            reader = build(o);
        } catch (RuntimeException e) {
            log.line("FAILED: reader " + o.readerId() + " could not start: " + e);
            return 1;
        }
        try {
            reader.start();
            // The shared air says its rate only once it is open.
            float heard = reader.payments().flatMap(ReaderPayments::microphoneRate).orElse(o.sampleRate());
            if (heard != o.sampleRate()) {
                throw new IllegalArgumentException("the microphone " + o.microphone() + " runs at " + heard + " Hz, the modem was made for --sample-rate " + o.sampleRate());
            }
        } catch (RuntimeException e) {
            reader.close(); // the port and the journal, if it got that far
            log.line("FAILED: reader " + o.readerId() + " could not start: " + e);
            return 1;
        }
        return serve(o, reader, log, commands);
    }

    /** The whole reader from the options: each part the options name, and only those. */
    static ReferenceReader build(Options o) {
        ReferenceReader.Builder b = ReferenceReader.builder(o.readerId()).clock(Clock.systemUTC())
                .issuerKeys(o.issuerKeys()).clockCheck(o.skewAllowance(), o.tokenFreshness())
                .maxSessionFunds(o.maxSessionFunds()).sessionTimeout(o.sessionTimeout());
        List<AutoCloseable> made = new ArrayList<>();
        try {
            if (o.mdbPort() != null) {
                SqliteAuthorizationJournal journal = SqliteAuthorizationJournal.open(o.journal());
                made.add(journal);
                b.mdb(transport(o.mdbPort(), o.transport()), journal);
            }
            if (o.microphone() != null) b.listening(microphone(o.microphone(), o.sampleRate(), o.lineBuffer()), List.of(o.listening()), o.sampleRate());
            if (o.speaker() != null) {
                b.speaker(new JavaSoundAudioOut(o.speaker(), o.sampleRate(), o.lineBuffer()), o.twoWay(), ReaderPolicy.CHALLENGE_LIFETIME);
            }
            if (o.camera() != null) {
                ScreenCaptureCamera camera = ScreenCaptureCamera.parse(o.camera().substring("x11".length()).replaceFirst("^:", ""), o.cameraFps()).open();
                // An X display's pixels: a window shown still is the same picture in every frame,
                // so card readings agree without the hand's motion a phone camera would see.
                b.camera(camera, () -> new TesseractRecognizer().open()).ocrAtStart(true).stillCamera(true);
            }
            if (o.kiosk() != null) {
                b.kiosk(new SerialEscPosPrinter(new JSerialCommLink(o.kiosk().printer()), Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        new KioskSettings(o.kiosk().kioskId(), o.kiosk().cinemaId(), o.kiosk().cinemaName(), o.kiosk().ticketingKeys()));
            }
            if (o.backend() != null) b.uplink(new BackendClient(o.backend(), Duration.ofSeconds(3)), o.syncEvery());
            return b.build();
        } catch (RuntimeException e) {
            for (AutoCloseable c : made) {
                try {
                    c.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static int serve(Options o, ReferenceReader reader, Log log, InputStream commands) {
        Events events = new Events(reader, log);
        Thread shutdown = new Thread(() -> {
            log.line("reader " + o.readerId() + " stopping");
            events.stop();
            reader.close();
        }, "reader-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        log.line("reader " + o.readerId() + " ready: " + describe(o, reader));
        events.start();
        int exit = commandLoop(o, reader, log, commands);
        events.stop();
        Runtime.getRuntime().removeShutdownHook(shutdown);
        reader.close();
        log.line("reader " + o.readerId() + " stopped");
        return exit;
    }

    private static String describe(Options o, ReferenceReader reader) {
        List<String> parts = new ArrayList<>();
        reader.payments().ifPresent(p -> {
            JournalState state = p.journal().recover();
            parts.add("MDB cashless #1 on " + o.mdbPort() + " (" + o.transport() + ")");
            if (o.microphone() != null) {
                parts.add("microphone " + o.microphone() + " at " + Math.round(o.sampleRate()) + " Hz, hearing " + o.listening());
            }
            parts.add("journal " + o.journal() + " (" + state.lastSequence() + " entries, uploaded through #" + state.uploadedThrough() + ")");
        });
        if (o.speaker() != null) parts.add("speaker " + o.speaker() + " (two-way " + o.twoWay().name().toLowerCase(Locale.ROOT) + ")");
        if (o.camera() != null) parts.add("camera " + o.camera() + " at " + o.cameraFps() + " fps");
        if (o.kiosk() != null) parts.add("kiosk " + o.kiosk().kioskId() + " (cinema " + o.kiosk().cinemaId() + ") printing on " + o.kiosk().printer());
        if (o.backend() != null) parts.add("backend " + o.backend() + " every " + o.syncEvery().toMillis() + " ms");
        return String.join(", ", parts);
    }

    /** Reads commands until {@code stop} or the end of input; a failed bus ends it too (see {@link Events}). */
    private static int commandLoop(Options o, ReferenceReader reader, Log log, InputStream commands) {
        BufferedReader in = new BufferedReader(new InputStreamReader(commands, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.strip();
                if (command.isEmpty()) continue;
                if (command.equals("stop")) return 0;
                if (command.equals("sync")) {
                    if (o.backend() == null) log.line("sync failed: no --backend to sync with (or say sync URL)");
                    else log.line(reader.syncNow() ? "synced with " + o.backend() : "sync failed: " + o.backend() + " cannot be reached");
                } else if (command.startsWith("sync ")) {
                    sync(reader, URI.create(command.substring(5).strip()), log);
                } else {
                    log.line("unknown command '" + command + "' (commands: sync, sync URL, stop)");
                }
            }
        } catch (IOException e) {
            log.line("standard input failed: " + e.getMessage() + "; stopping");
        }
        return reader.busFailure().isPresent() ? 1 : 0;
    }

    private static void sync(ReferenceReader reader, URI backend, Log log) {
        ReaderPayments payments = reader.payments().orElse(null);
        if (payments == null) {
            log.line("sync failed: this reader has no journal (no --mdb)");
            return;
        }
        try {
            int revocations = payments.syncWith(new BackendClient(backend));
            JournalState state = payments.journal().recover();
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
    static AudioIn microphone(String name, float sampleRate, Duration lineBuffer) {
        return SocketAudioIn.names(name) ? SocketAudioIn.named(name) : new JavaSoundAudioIn(name, sampleRate, lineBuffer);
    }

    /**
     * The options of a {@code ReaderMain} command line.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown option, a missing value,
     *                                  a bad value or a missing companion option
     */
    public static Options parse(String[] args) {
        ReaderMain main = new ReaderMain();
        try {
            commandLine(main).parseArgs(args);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return main.reader.toOptions(main.mdb, "--mdb");
    }

    /** {@code x11}, {@code x11:SCREEN}, {@code x11:SCREEN@WxH+X+Y}, {@code x11@WxH+X+Y}; {@code none} is no camera. */
    static String camera(String value) {
        if (value.equals("none")) return null;
        if (!value.equals("x11") && !value.startsWith("x11:") && !value.startsWith("x11@")) {
            throw new IllegalArgumentException("--camera must be x11[:SCREEN][@WxH+X+Y] (an X display's pixels) or none, got '" + value + "'");
        }
        ScreenCaptureCamera.parse(value.substring(3).replaceFirst("^:", ""), 1); // a bad region fails here, not after the journal is open
        return value;
    }

    /** "500ms", "30s". */
    static Duration duration(String option, String value) {
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
     * holding those hex digits, or the 32 raw bytes): an issuer key or the ticketing key.
     */
    static Map.Entry<Integer, PublicKey> key(String option, String spec) {
        int colon = spec.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException(option + " wants ID:HEX or ID:FILE, got '" + spec + "'");
        int id;
        try {
            id = Integer.parseInt(spec.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": the key id must be a number (0-255), got '" + spec.substring(0, colon) + "'");
        }
        if (id < 0 || id > 255) throw new IllegalArgumentException(option + ": key id " + id + " is not a u8 (DESIGN §5.1)");
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
                else throw new IllegalArgumentException(option + " " + spec + ": " + file + " holds " + content.length
                            + " bytes, neither 64 hex digits nor a raw 32-byte Ed25519 public key");
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + spec + ": neither 64 hex digits nor a readable file (" + e + ")");
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
        private final ReferenceReader reader;
        private final Log log;
        private final Thread thread;
        private volatile boolean running = true;
        private int shown;

        Events(ReferenceReader reader, Log log) {
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
                // Shutdown hooks run concurrently: on SIGTERM jSerialComm's own hook may close the
                // port before ours stops this loop, and that closed port is not a failed bus.
                if (running && reader.busFailure().isPresent() && !jvmShuttingDown()) {
                    log.line("FAILED: the MDB link failed: " + reader.busFailure().get().getMessage());
                    Runtime.getRuntime().halt(1); // nothing left to serve; the journal is already durable
                }
                // Polled: the console is evidence for a person, a few ms late is fine.
                LockSupport.parkNanos(20_000_000L);
                if (Thread.interrupted()) return;
            }
        }

        /** Whether the JVM has begun to shut down (a hook can no longer be added then). */
        private static boolean jvmShuttingDown() {
            Thread probe = new Thread(() -> { });
            try {
                Runtime.getRuntime().addShutdownHook(probe);
                Runtime.getRuntime().removeShutdownHook(probe);
                return false;
            } catch (IllegalStateException shuttingDown) {
                return true;
            }
        }

        private synchronized void show() {
            for (ReaderEvent e : reader.eventsSince(shown)) {
                log.line("event " + e);
                shown++;
            }
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
