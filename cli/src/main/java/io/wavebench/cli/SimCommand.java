package io.wavebench.cli;

import io.wavebench.drivers.mdb.MdbFraming;
import io.wavebench.simulators.backend.BackendMain;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code wavebench sim}: one simulated device (MDB, ESC/POS, backend) as its own process. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one simulated device as its own process, with a log of the session:",
            "  sim vmc      a vending machine controller, to drive a real cashless reader;",
            "  sim reader   a cashless reader (device #1, 0x10), to be driven by a real VMC;",
            "  sim printer  an 80 mm ESC/POS receipt printer, for a kiosk to print to (PNG per receipt);",
            "  sim timing   measures the simulated reader's MDB response time over a virtual pty pair;",
            "  sim backend  the backend readers sync with (DESIGN 5.6), over HTTP.",
            "Ports are a bench's USB adapter (--transport uart: 9600 8M1/8S1, MARK/SPACE parity) or a pty",
            "(--transport pty: each 9-bit word as two bytes, DESIGN §5.3). The two sims can talk to each",
            "other over a pty pair, e.g. socat -d -d pty,raw,echo=0 pty,raw,echo=0."
        },
        subcommands = {SimVmcCommand.class, SimReaderCommand.class, SimPrinterCommand.class, SimTimingCommand.class, BackendMain.class})
final class SimCommand {

    /** {@code --transport}: "pty" or "uart", any case, read by {@link MdbFraming#parse} (which names the choices when refusing). */
    static final class FramingConverter implements ITypeConverter<MdbFraming> {
        @Override
        public MdbFraming convert(String value) {
            try {
                return MdbFraming.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** How a framing reads in the session log and on a command line: "pty", "uart". */
    static String name(MdbFraming framing) {
        return framing.name().toLowerCase(Locale.ROOT);
    }

    /** Parses "50ms", "2s", "1m". */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 50ms, 2s, 1m)");
    }

    /** One log line: wall-clock time, then the text. */
    static void log(PrintWriter out, String text) {
        out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")) + "  " + text);
        out.flush();
    }
}
