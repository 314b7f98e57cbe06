package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.JavaSoundAudioIn;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.optical.ScreenCaptureCamera;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The reference reader's command-line options (all but its MDB port), a picocli mixin shared by
 * {@link ReaderMain} ({@code --mdb PATH}) and {@code wavebench sim reader} ({@code --port PATH}):
 * one set of names, descriptions and checks for every way a bench starts a reader. picocli only
 * splits the command line; {@link #toOptions} checks the values and their combinations, naming
 * the option at fault.
 */
public final class ReaderOptions {

    @Option(names = "--transport", defaultValue = "pty", paramLabel = "KIND",
            description = "pty (each 9-bit word as two bytes) or uart (MARK/SPACE parity) (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--session-timeout", defaultValue = "30s", paramLabel = "TIME", description = "An idle session is given up after (default: ${DEFAULT-VALUE}).")
    String sessionTimeout;

    @Option(names = "--microphone", paramLabel = "MIC", description = "Hear payments: unix:SOCKET (the air shared with other processes) or a javax.sound mixer name.")
    String microphone;

    @Option(names = "--journal", paramLabel = "FILE", description = "The reader's durable SQLite journal (created if missing).")
    String journal;

    @Option(names = "--state", paramLabel = "DIR", description = "The reader's state folder: its journal is DIR/" + ReaderMain.JOURNAL_FILE + " (instead of --journal).")
    String state;

    @Option(names = "--provision", paramLabel = "FILE",
            description = "A provisioning file (wavebench rig provision): reader id, issuer and ticketing keys, backend, kiosk, clock check; the command line wins over it.")
    String provision;

    @Option(names = "--issuer-key", paramLabel = "ID:KEY", description = "An issuer the reader trusts, ID:HEX (raw Ed25519, 64 hex digits) or ID:FILE; repeatable.")
    List<String> issuerKeys = new ArrayList<>();

    @Option(names = "--reader-id", paramLabel = "ID", description = "The reader's id at the backend (default: the --provision file's, else sim-reader-1).")
    String readerId;

    @Option(names = "--protocol", paramLabel = "NAME",
            description = "The sound protocol the microphone hears: wavebench (default), ggwave, or any other on the class path (wavebench modem protocols); --profile(s) then name its modes.")
    String protocol;

    @Option(names = "--profile", paramLabel = "NAME", description = "Modem profile, robust|fast|ultrasonic (default: robust); for another --protocol, one of its modes (default: its first).")
    String profile;

    @Option(names = "--profiles", paramLabel = "P[,P...]", description = "Modem profiles (or the --protocol's modes) to listen for at once (instead of --profile), e.g. robust,ultrasonic.")
    String profiles;

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "The microphone's sample rate (default: 48000).")
    String sampleRate;

    @Option(names = "--line-buffer", paramLabel = "TIME", description = "Audio line buffers (default: 80ms; DESIGN 5.7).")
    String lineBuffer;

    @Option(names = "--max-session-funds", paramLabel = "N", description = "The most one session offers, in minor units (default: 10000).")
    String maxSessionFunds;

    @Option(names = "--speaker", paramLabel = "MIXER", description = "The reader's speaker, for two-way challenges.")
    String speaker;

    @Option(names = "--two-way", paramLabel = "MODE", description = "off|offer|require (default: offer with --speaker, else off).")
    String twoWay;

    @Option(names = "--camera", paramLabel = "CAMERA",
            description = "x11[:SCREEN][@WxH+X+Y] (the pixels of the X display this process runs on; SCREEN: the display, e.g. :99, an AWT screen id or an index) or none.")
    String camera;

    @Option(names = "--camera-fps", paramLabel = "N", description = "Frames a second the camera captures (default: 10).")
    String cameraFps;

    @Option(names = "--printer", paramLabel = "PATH", description = "The kiosk's ESC/POS printer port: turns the kiosk function on.")
    String printer;

    @Option(names = "--kiosk-id", paramLabel = "ID", description = "The kiosk's id at the backend.")
    String kioskId;

    @Option(names = "--cinema-id", paramLabel = "N", description = "The kiosk's cinema.")
    String cinemaId;

    @Option(names = "--cinema-name", paramLabel = "NAME", description = "The name printed on tickets.")
    String cinemaName;

    @Option(names = "--ticketing-key", paramLabel = "ID:KEY", description = "The ticketing key tickets are verified with, ID:HEX or ID:FILE; repeatable.")
    List<String> ticketingKeys = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "URL", description = "The backend the reader syncs with, reports to and asks about barcodes, cards and tickets.")
    String backend;

    @Option(names = "--sync-every", paramLabel = "TIME", description = "How often the reader syncs while the backend answers (default: 2s).")
    String syncEvery;

    @Option(names = "--commands", paramLabel = "stdin|none", defaultValue = "stdin",
            description = "Where the reader takes its commands (sync, stop): stdin (default; it stops when stdin ends) or none"
                    + " (it runs until SIGTERM: a bench's reader started in the background).")
    String commands;

    /** Whether any option names a part only the whole reference reader has (as opposed to a bare MDB cashless device). */
    public boolean namesWholeReader() {
        return microphone != null || camera != null || printer != null || state != null || provision != null;
    }

    /** {@code --transport} as given (checked by {@link #toOptions}). */
    public String transport() {
        return transport;
    }

    /** {@code --session-timeout}. */
    public Duration sessionTimeout() {
        return ReaderMain.duration("--session-timeout", sessionTimeout);
    }

    /** Where commands come from: standard input, or nothing ever ({@link ReaderMain#noCommands}). */
    public InputStream commands(InputStream stdin) {
        return switch (commands) {
            case "stdin" -> stdin;
            case "none" -> ReaderMain.noCommands();
            default -> throw new IllegalArgumentException("--commands is stdin or none, got '" + commands + "'");
        };
    }

    /**
     * Checks the options and what they need of each other, with the provisioning file's values
     * under them, and gives what the reader runs with.
     *
     * @param mdb       the MDB port, or null for a kiosk only
     * @param mdbOption how the MDB port is named on this command line, for messages
     * @throws IllegalArgumentException naming the option at fault
     */
    public ReaderMain.Options toOptions(String mdb, String mdbOption) {
        Map<Integer, PublicKey> keys = new LinkedHashMap<>();
        for (String spec : issuerKeys) {
            Map.Entry<Integer, PublicKey> key = ReaderMain.key("--issuer-key", spec);
            keys.put(key.getKey(), key.getValue());
        }
        Map<Integer, PublicKey> ticketing = new LinkedHashMap<>();
        for (String spec : ticketingKeys) {
            Map.Entry<Integer, PublicKey> key = ReaderMain.key("--ticketing-key", spec);
            ticketing.put(key.getKey(), key.getValue());
        }
        String id = readerId;
        SoundProtocol heard = SoundProtocols.named(protocol == null ? SoundProtocols.DEFAULT : protocol);
        boolean ownModem = heard.name().equals(SoundProtocols.DEFAULT);
        List<String> modes = profiles != null ? Arrays.stream(profiles.split(",")).map(String::strip).distinct().toList()
                : profile != null ? List.of(profile) : null;
        // wavebench's modem profiles also serve the two-way challenge (DESIGN §5.3); another
        // protocol is heard one way only, in its own modes.
        List<ModemProfile> listen = ownModem && modes != null ? modes.stream().map(ModemProfile::fromCliName).toList() : null;
        float rate = sampleRate == null ? 48_000f : Float.parseFloat(sampleRate);
        long funds = maxSessionFunds == null ? ReaderPolicy.MAX_SESSION_FUNDS : Long.parseLong(maxSessionFunds);
        Duration timeout = sessionTimeout();
        Duration buffer = lineBuffer == null ? JavaSoundAudioIn.DEFAULT_LINE_BUFFER : ReaderMain.duration("--line-buffer", lineBuffer);
        TwoWay mode = twoWay == null ? null : TwoWay.parse(twoWay);
        String cam = camera == null ? null : ReaderMain.camera(camera);
        double fps = cameraFps == null ? ScreenCaptureCamera.DEFAULT_FRAMES_PER_SECOND : Double.parseDouble(cameraFps);
        String kiosk = kioskId;
        Long cinema = cinemaId == null ? null : Long.parseLong(cinemaId);
        String cinemaTitle = cinemaName;
        URI uplink = backend == null ? null : URI.create(backend.endsWith("/") ? backend : backend + "/");
        Duration every = syncEvery == null ? ReaderPolicy.SYNC_EVERY : ReaderMain.duration("--sync-every", syncEvery);
        Duration skew = ReaderPolicy.CLOCK_SKEW_ALLOWANCE;
        Duration freshness = ReaderPolicy.TOKEN_FRESHNESS;
        if (provision != null) {
            Provisioning p = Provisioning.read(Path.of(provision));
            if (id == null) id = p.readerId();
            Map<Integer, PublicKey> fromFile = new LinkedHashMap<>(p.issuerPublicKeys());
            fromFile.putAll(keys);
            keys = fromFile;
            if (uplink == null && p.backendUrl() != null) uplink = URI.create(p.backendUrl().toString().endsWith("/") ? p.backendUrl().toString() : p.backendUrl() + "/");
            if (ticketing.isEmpty() && p.ticketingKey() != null) ticketing.put(p.ticketingKey().keyId(), p.ticketingKey().toPublicKey());
            if (p.kiosk() != null) {
                if (kiosk == null) kiosk = p.kiosk().kioskId();
                if (cinema == null) cinema = p.kiosk().cinemaId();
                if (cinemaTitle == null) cinemaTitle = p.kiosk().cinemaName();
            }
            skew = p.clock().skewAllowance();
            freshness = p.clock().tokenFreshness();
        }
        if (id == null) id = ReaderPolicy.READER_ID;
        if (listen == null) listen = List.of(ModemProfile.ROBUST);
        Listening listening = ownModem ? Listening.wavebench(listen) : new Listening(heard, modes == null ? List.of(heard.defaultMode()) : modes);
        if (!ownModem && speaker != null) {
            throw new IllegalArgumentException("--speaker answers two-way challenges in wavebench's own protocol; --protocol " + heard.name()
                    + " is heard one way only (drop --speaker or --protocol)");
        }
        if (mdb == null && printer == null) {
            throw new IllegalArgumentException(mdbOption + " PATH is required (the reader's MDB port, e.g. a pty), or --printer PATH for a kiosk");
        }
        if (journal != null && state != null) {
            throw new IllegalArgumentException("give --journal FILE or --state DIR, not both (the journal is DIR/" + ReaderMain.JOURNAL_FILE + ")");
        }
        Path journalFile = state != null ? Path.of(state).resolve(ReaderMain.JOURNAL_FILE) : journal == null ? null : Path.of(journal);
        if (mdb != null) {
            if (microphone == null && cam == null) {
                throw new IllegalArgumentException("--microphone is required (unix:SOCKET for shared air, or a mixer name), or --camera to take payments by code only");
            }
            if (journalFile == null) throw new IllegalArgumentException("--journal FILE is required (the reader's durable SQLite journal), or --state DIR");
            if (keys.isEmpty()) throw new IllegalArgumentException("--issuer-key ID:HEX|ID:FILE is required (the issuer keys the reader trusts), or --provision FILE");
            ReaderMain.transport(mdb, transport); // checks the kind now, not after the journal is open
        } else if (microphone != null) {
            throw new IllegalArgumentException("--microphone with no " + mdbOption + ": a kiosk hears no payments");
        }
        if (mode == null) mode = speaker == null ? TwoWay.OFF : TwoWay.OFFER;
        if (mode != TwoWay.OFF && speaker == null) {
            throw new IllegalArgumentException("--two-way " + mode.name().toLowerCase(Locale.ROOT) + " needs --speaker MIXER (the reader's voice back to the phone)");
        }
        if (speaker != null && microphone == null) throw new IllegalArgumentException("--speaker needs --microphone: two-way mode answers a HELLO it hears");
        if (!(fps > 0)) throw new IllegalArgumentException("--camera-fps must be positive, got " + fps);
        ReaderMain.Kiosk kioskSettings = null;
        if (printer != null) {
            if (kiosk == null) throw new IllegalArgumentException("--printer needs --kiosk-id ID (or a provisioning file's kiosk)");
            if (cinema == null || cinemaTitle == null) {
                throw new IllegalArgumentException("--printer needs --cinema-id N and --cinema-name NAME (or a provisioning file's kiosk)");
            }
            if (ticketing.isEmpty()) throw new IllegalArgumentException("--printer needs --ticketing-key ID:HEX|ID:FILE (or a provisioning file's ticketingKey)");
            if (cam == null) throw new IllegalArgumentException("--printer needs --camera: a kiosk reads ticket codes with its camera");
            kioskSettings = new ReaderMain.Kiosk(printer, kiosk, cinema, cinemaTitle, Map.copyOf(ticketing));
        }
        return new ReaderMain.Options(mdb, transport, microphone, journalFile, Map.copyOf(keys), id, listen, listening, rate, funds, timeout, buffer, skew, freshness,
                speaker, mode, cam, fps, kioskSettings, uplink, every);
    }
}
