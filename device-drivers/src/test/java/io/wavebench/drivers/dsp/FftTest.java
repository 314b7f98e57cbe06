package io.wavebench.drivers.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one FFT against the DFT's definition, and back. */
class FftTest {

    @Test
    void forward_is_the_dft_and_inverse_undoes_it() {
        int n = 64;
        Random random = new Random(5);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextGaussian();
            im[i] = random.nextGaussian();
        }
        double[] re0 = re.clone();
        double[] im0 = im.clone();
        Fft fft = new Fft(n);
        fft.forward(re, im);
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += re0[t] * Math.cos(a) - im0[t] * Math.sin(a);
                si += re0[t] * Math.sin(a) + im0[t] * Math.cos(a);
            }
            assertEquals(sr, re[k], 1e-9, "bin " + k + " real");
            assertEquals(si, im[k], 1e-9, "bin " + k + " imaginary");
        }
        fft.inverse(re, im);
        for (int i = 0; i < n; i++) {
            assertEquals(re0[i], re[i], 1e-12);
            assertEquals(im0[i], im[i], 1e-12);
        }
    }

    @Test
    void a_size_that_is_not_a_power_of_two_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(960));
    }
}
