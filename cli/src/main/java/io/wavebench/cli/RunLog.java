package io.wavebench.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Where a run's log goes: {@code <report>/wavebench.log}, next to the results it explains, so
 * the console carries only progress, failures and the summary; {@code --verbose} keeps it on
 * the console as well. The simulators, fixtures and drivers log through SLF4J (DESIGN §2), so
 * this one switch covers them all.
 */
final class RunLog {

    static final String FILE = "wavebench.log";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} -- %msg%n";

    private RunLog() {}

    /** Sends every log line to {@code reportDir/wavebench.log}; the console keeps them only when verbose. */
    static Path toReport(Path reportDir, boolean verbose) {
        Path file = reportDir.resolve(FILE);
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return file; // another SLF4J backend: leave it be
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!verbose) {
            for (var it = root.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> appender = it.next();
                if (appender instanceof ch.qos.logback.core.ConsoleAppender<?>) {
                    root.detachAppender(appender);
                    appender.stop();
                }
            }
        }
        Appender<ILoggingEvent> previous = root.getAppender(FILE);
        if (previous != null) { // an earlier run in this JVM (the command's tests)
            root.detachAppender(previous);
            previous.stop();
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName(FILE);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        return file;
    }
}
