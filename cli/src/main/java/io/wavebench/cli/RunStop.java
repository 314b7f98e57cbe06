package io.wavebench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A run stopped from outside (SIGTERM from a CI timeout or a cancel, SIGINT from Ctrl-C) finishes
 * its report from what has finished instead of losing everything. The JVM runs shutdown hooks on
 * either signal; this one hands the stop to the run unless the run has already reached its own
 * end, and whichever gets there first writes the report, once.
 *
 * <p>The signal handlers only note which signal it was (the hook cannot tell) and exit with the
 * shell's convention, 128 + the signal's number: 130 for SIGINT, 143 for SIGTERM. CI sends
 * SIGKILL some ten seconds after SIGTERM, so the stop must be done well within that.
 */
final class RunStop implements AutoCloseable {

    /** How long a signal waits for a normal end already writing the report. */
    static final long NORMAL_END_WAIT_SECONDS = 8;

    private enum State { RUNNING, FINISHING, DONE }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile String signal = "a shutdown of the JVM";
    private final Thread hook;
    private final List<Runnable> restore = new ArrayList<>();

    /** @param onStop writes the report of a stopped run; given the signal's name ("SIGTERM") */
    private RunStop(Consumer<String> onStop) {
        hook = new Thread(() -> {
            if (state.compareAndSet(State.RUNNING, State.FINISHING)) {
                try {
                    onStop.accept(signal);
                } finally {
                    finished();
                }
            } else {
                awaitDone();
            }
        }, "wavebench-run-stop");
    }

    static RunStop install(Consumer<String> onStop) {
        RunStop stop = new RunStop(onStop);
        stop.handle("TERM", 143);
        stop.handle("INT", 130);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    private void handle(String name, int status) {
        // No public JDK API tells which signal stopped the JVM: a shutdown hook alone cannot exit
        // 143 for SIGTERM and 130 for SIGINT. sun.misc.Signal (module jdk.unsupported) can; it is
        // the one compiler warning the build keeps, on purpose.
        try {
            SignalHandler previous = Signal.handle(new Signal(name), s -> {
                signal = "SIG" + name;
                System.exit(status);
            });
            restore.add(() -> Signal.handle(new Signal(name), previous));
        } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
            // a platform without this signal: the hook still finishes the report, naming no signal
        }
    }

    /**
     * The run reached its own end: true when it is the one to write the report, false when a
     * signal's stop has already taken over (the JVM is going down; the caller writes nothing).
     */
    boolean claimNormalEnd() {
        return state.compareAndSet(State.RUNNING, State.FINISHING);
    }

    void finished() {
        state.set(State.DONE);
        done.countDown();
    }

    /** Blocks until the stop writing the report is done (the JVM then exits). */
    void awaitDone() {
        try {
            done.await(NORMAL_END_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run is over: signals go back to their handlers before it, the hook is removed. */
    @Override
    public void close() {
        finished();
        restore.forEach(Runnable::run);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already going down; the hook sees DONE and does nothing
        }
    }
}
