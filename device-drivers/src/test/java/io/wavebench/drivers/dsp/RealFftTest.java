package io.wavebench.drivers.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real-input FFT against the DFT's definition (its packed layout included), and back. */
class RealFftTest {

    @ParameterizedTest
    @ValueSource(ints = {4, 8, 64, 1024})
    void forward_is_the_dft_of_real_samples_in_the_packed_layout(int n) {
        double[] x = new Random(n).doubles(n, -1, 1).toArray();
        double[] packed = x.clone();
        new RealFft(n).forward(packed);
        double[][] dft = dft(x);
        assertEquals(dft[0][0], packed[0], 1e-9, "Re X0");
        assertEquals(dft[0][n / 2], packed[1], 1e-9, "Re X(n/2)");
        assertEquals(0, dft[1][0], 1e-9, "a real signal's DC is real");
        assertEquals(0, dft[1][n / 2], 1e-9, "a real signal's Nyquist bin is real");
        for (int k = 1; k < n / 2; k++) {
            assertEquals(dft[0][k], packed[2 * k], 1e-9, "Re X" + k);
            assertEquals(dft[1][k], packed[2 * k + 1], 1e-9, "Im X" + k);
        }
    }

    @Test
    void a_constant_is_all_dc() {
        double[] x = new double[16];
        Arrays.fill(x, 0.5);
        new RealFft(16).forward(x);
        assertEquals(8, x[0], 1e-12);
        for (int i = 1; i < 16; i++) assertEquals(0, x[i], 1e-12, "slot " + i);
    }

    @Test
    void an_alternating_signal_is_all_nyquist() {
        double[] x = new double[16];
        for (int i = 0; i < 16; i++) x[i] = i % 2 == 0 ? 1 : -1;
        new RealFft(16).forward(x);
        assertEquals(16, x[1], 1e-12, "Re X(n/2) sits in slot 1");
        assertEquals(0, x[0], 1e-12);
        for (int i = 2; i < 16; i++) assertEquals(0, x[i], 1e-12, "slot " + i);
    }

    @Test
    void a_sine_on_a_bin_is_that_bin_alone() {
        int n = 32, bin = 5;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(2 * Math.PI * bin * i / n);
        new RealFft(n).forward(x);
        for (int i = 0; i < n; i++) assertEquals(i == 2 * bin + 1 ? -n / 2.0 : 0, x[i], 1e-12, "slot " + i);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 256})
    void inverse_undoes_forward(int n) {
        double[] x = new Random(3).doubles(n, -1, 1).toArray();
        double[] y = x.clone();
        RealFft fft = new RealFft(n);
        fft.forward(y);
        fft.inverse(y);
        for (int i = 0; i < n; i++) assertEquals(x[i], y[i], 1e-12, "sample " + i);
    }

    @Test
    void a_transform_allocates_nothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        RealFft fft = new RealFft(1024);
        double[] x = new double[1024];
        for (int i = 0; i < 100; i++) fft.forward(x); // class loading and first compilation out of the way
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 1000; i++) {
            fft.forward(x);
            fft.inverse(x);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertTrue(allocated < 1000, "2000 transforms allocated " + allocated + " bytes");
    }

    @Test
    void sizes_it_cannot_do_and_short_arrays_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(2));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(960));
        assertThrows(IllegalArgumentException.class, () -> new RealFft(8).forward(new double[4]));
    }

    /** Re and Im of the DFT by its definition, bins 0..n-1. */
    private static double[][] dft(double[] x) {
        int n = x.length;
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                out[0][k] += x[t] * Math.cos(a);
                out[1][k] += x[t] * Math.sin(a);
            }
        }
        return out;
    }
}
