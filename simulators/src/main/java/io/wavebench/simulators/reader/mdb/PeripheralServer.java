package io.wavebench.simulators.reader.mdb;

import io.wavebench.drivers.mdb.PeripheralPort;
import io.wavebench.simulators.Startable;
import java.util.Optional;

/**
 * Runs a {@link PeripheralPort}'s serve loop on its own thread for a command handler (usually a
 * {@link CashlessPeripheral}), so a simulated reader answers the bus while the rest of it works.
 * It owns only its thread: the transport belongs to whoever built the port (the rig assembler
 * or the test), who opens it before {@link #start()} and closes it after {@link #close()}.
 */
public final class PeripheralServer implements Startable {

    private final PeripheralPort port;
    private final PeripheralPort.CommandHandler handler;
    private volatile Thread thread;
    private volatile RuntimeException failure;

    public PeripheralServer(PeripheralPort port, PeripheralPort.CommandHandler handler) {
        this.port = port;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException(port + ": start() called on a running server");
        Thread t = new Thread(this::run, "mdb-peripheral " + port.port());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run() {
        try {
            port.serve(handler);
        } catch (RuntimeException e) { // the link closed or went away: keep it for whoever asks
            failure = e;
        }
    }

    /** Why the serve loop ended on its own (e.g. the link was unplugged), if it did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops the loop (within one receive timeout, ~20 ms) and waits for the thread. */
    @Override
    public synchronized void close() {
        Thread t = thread;
        if (t == null) return;
        port.stop();
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }
}
