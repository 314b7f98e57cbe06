package io.wavebench.drivers.audio.loopback;

import java.util.concurrent.locks.LockSupport;

/**
 * The real-time clock of a CLOCKED cable: a daemon thread that ticks every
 * {@link LoopbackCable#TICK_NANOS}. Each tick plays exactly the frames due since the clock
 * started, computed from {@link System#nanoTime()}, so late wake-ups are made up on the next tick
 * and the cable never drifts from real time (a fixed sleep per loop would).
 */
final class CableClock {

    private final LoopbackCable cable;
    private final float sampleRate;
    private final Thread thread;
    private volatile boolean stopped;

    CableClock(LoopbackCable cable, float sampleRate) {
        this.cable = cable;
        this.sampleRate = sampleRate;
        this.thread = new Thread(this::run, cable.name() + " clock");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Asks the thread to end; it does at its next wake-up, and never ticks again. */
    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        long origin = System.nanoTime();
        long framesDone = 0;
        for (long tick = 1; !stopped; tick++) {
            long deadline = origin + tick * LoopbackCable.TICK_NANOS;
            for (long wait; !stopped && (wait = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(this, wait);
            }
            if (stopped) return;
            long due = (long) ((System.nanoTime() - origin) / 1e9 * sampleRate) - framesDone;
            if (due <= 0) continue;
            // After a long stall (GC, suspended VM) deliver the backlog in bounded blocks.
            int frames = (int) Math.min(due, (long) sampleRate);
            if (!cable.tick(this, frames)) return;
            framesDone += frames;
        }
    }
}
