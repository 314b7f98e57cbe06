package io.wavebench.drivers.codes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wavebench.drivers.optical.Camera;
import io.wavebench.drivers.optical.Frame;
import io.wavebench.drivers.optical.OpticalModel;
import io.wavebench.drivers.optical.SimulatedCamera;
import io.wavebench.drivers.optical.SimulatedScreen;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CodeScannerTest {

    /** A camera whose first captures fail (a USB camera's hiccup, a frame that breaks a filter), then sees the phone. */
    private static final class HiccupCamera implements Camera {
        private final SimulatedCamera sees;
        private final AtomicInteger failuresLeft;

        HiccupCamera(SimulatedCamera sees, int failures) {
            this.sees = sees;
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public Frame capture() {
            if (failuresLeft.getAndDecrement() > 0) throw new IllegalStateException("sensor read-out failed");
            return sees.capture();
        }

        @Override
        public int width() {
            return sees.width();
        }

        @Override
        public int height() {
            return sees.height();
        }

        @Override
        public double framesPerSecond() {
            return sees.framesPerSecond();
        }
    }

    @Test
    void frames_that_throw_are_dropped_and_counted_and_the_scanner_reads_on() throws Exception {
        byte[] token = new byte[201];
        new Random(5).nextBytes(token);
        token[0] = 0x01;
        SimulatedScreen screen = new SimulatedScreen();
        screen.showCode(QrCodes.encode(token));
        HiccupCamera camera = new HiccupCamera(new SimulatedCamera(screen, OpticalModel.ideal()), 3);
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        CodeDecoder qr = CodeDecoder.qr(PayloadCheck.tokenShape(Set.of(201), Set.of(0x01)));
        try (CodeScanner scanner = new CodeScanner("test", camera, List.of(qr), d -> read.complete(d.bytes()))) {
            scanner.start();
            assertArrayEquals(token, read.get(10, TimeUnit.SECONDS), "the value after the failed frames");
            assertEquals(3, scanner.failedFrames());
            assertTrue(scanner.lastError().getMessage().contains("sensor read-out failed"), scanner.lastError().toString());
            assertTrue(scanner.summary().contains("3 dropped (last: java.lang.IllegalStateException: sensor read-out failed)"), scanner.summary());
        }
    }
}
