package io.wavebench.simulators.reader;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader's log of {@link ReaderEvent}s, in the order they happened, shared by all its parts
 * (payments, camera, kiosk, uplink). It is the reader's own log — what a bench gets on the
 * reader's console — and evidence; scenarios on a real reader cannot read it (DESIGN §3). Each
 * event also goes to SLF4J: a refusal's reason code at INFO (DESIGN §5.1), what the reader did at
 * DEBUG, what it heard and each periodic sync at TRACE.
 */
public final class ReaderLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderLog.class);

    private final String readerId;
    private final List<ReaderEvent> events = new ArrayList<>();

    public ReaderLog(String readerId) {
        this.readerId = readerId;
    }

    public void add(ReaderEvent event) {
        synchronized (this) {
            events.add(event);
            notifyAll();
        }
        if (event.reason() != null) LOG.info("reader {}: {} [code {}]", readerId, event, String.format("%02X", event.reason().code()));
        else if (event.kind().notable()) LOG.debug("reader {}: {}", readerId, event);
        else LOG.trace("reader {}: {}", readerId, event);
    }

    public synchronized List<ReaderEvent> all() {
        return List.copyOf(events);
    }

    /** Events from index {@code from} on (what a printer of the log has not shown yet). */
    public synchronized List<ReaderEvent> since(int from) {
        return from >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, from), events.size()));
    }

    public synchronized int size() {
        return events.size();
    }
}
