package io.wavebench.simulators;

/**
 * A simulated device's lifecycle: constructed with its links (nothing opened), {@link #start()}ed
 * by the rig assembler, {@link #close()}d after the scenario. Closing a device that never started
 * does nothing, so try-with-resources works in unit tests.
 */
public interface Startable extends AutoCloseable {

    void start();

    @Override
    void close();
}
