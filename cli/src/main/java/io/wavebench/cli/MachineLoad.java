package io.wavebench.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine's load average and core count, stated with a run's wall time and timing figures:
 * on a shared CI host other builds take the CPU too, and the run cannot see them otherwise.
 */
record MachineLoad(double loadAverage, int cores) {

    static MachineLoad now() {
        return new MachineLoad(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    @Override
    public String toString() {
        String load = loadAverage < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.1f", loadAverage);
        return load + " on " + cores + " core" + (cores == 1 ? "" : "s");
    }
}
