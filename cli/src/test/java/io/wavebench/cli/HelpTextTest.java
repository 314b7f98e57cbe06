package io.wavebench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help renders as written: picocli formats descriptions with String.format, so
 * a bare "%" (as in "99 % decode") makes it warn on stderr and print the text with its %n unmade.
 */
class HelpTextTest {

    @Test
    void every_command_s_help_renders_without_a_format_warning() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new Wavebench()), all);
        assertTrue(all.size() > 10, "found only " + all.size() + " commands");
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
                assertFalse(help.contains("%n"), c.getCommandSpec().qualifiedName() + " --help shows a raw %n:\n" + help);
            }
        } finally {
            System.setErr(err);
        }
        String said = warnings.toString(StandardCharsets.UTF_8);
        assertFalse(said.contains("picocli WARN"), said);
    }

    /** A help text with a bare % is caught, so the test above can fail. */
    @Test
    void a_bare_percent_in_a_description_is_caught() {
        @CommandLine.Command(name = "broken", description = "decodes 99 % of frames")
        class Broken {
        }
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        String help;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            help = new CommandLine(new Broken()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        } finally {
            System.setErr(err);
        }
        assertTrue(warnings.toString(StandardCharsets.UTF_8).contains("picocli WARN") || help.contains("%n"), help);
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        for (CommandLine sub : c.getSubcommands().values()) if (!into.contains(sub)) collect(sub, into);
    }
}
