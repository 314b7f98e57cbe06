package io.wavebench.drivers.serial;

import io.wavebench.drivers.timing.Latencies;
import java.time.Duration;
import java.util.Arrays;

/**
 * Round-trip latency of 2-byte messages over a {@link VirtualSerialPair} with jSerialComm at both
 * ends: the floor under every simulated MDB exchange, which must answer within 5 ms (DESIGN §5.3,
 * §6 "MDB timing (sim over pty) p99 ≤ 5 ms"). Two bytes because that is one bus word in the pty
 * framing. A benchmark, not a test: run it and read the figures.
 *
 * <pre>
 * mvn -B -q -pl device-drivers test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Dfazecast.jSerialComm.appid=wavebench-bench \
 *     -cp device-drivers/target/classes:device-drivers/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.wavebench.drivers.serial.PtyLatencyBench [rounds, default 5000]
 * </pre>
 */
public final class PtyLatencyBench {

    private PtyLatencyBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmup = Math.min(1_000, rounds / 5);
        try (VirtualSerialPair pair = VirtualSerialPair.open("latency-bench");
                JSerialCommLink vmc = new JSerialCommLink(pair.pathA());
                JSerialCommLink reader = new JSerialCommLink(pair.pathB())) {
            vmc.open(SerialSettings.MDB_PTY);
            reader.open(SerialSettings.MDB_PTY);
            Thread echo = new Thread(() -> echo(reader), "bench-echo");
            echo.setDaemon(true);
            echo.start();

            long[] nanos = new long[rounds];
            byte[] message = new byte[2];
            byte[] reply = new byte[2];
            byte[] part = new byte[2];
            for (int i = -warmup; i < rounds; i++) {
                message[0] = 0x01;
                message[1] = (byte) i;
                long start = System.nanoTime();
                vmc.write(message);
                int got = 0;
                while (got < 2) {
                    int n = vmc.read(part, Duration.ofSeconds(1));
                    if (n == 0) throw new IllegalStateException("no echo within 1 s at round " + i);
                    int take = Math.min(n, 2 - got);
                    System.arraycopy(part, 0, reply, got, take);
                    got += take;
                }
                long elapsed = System.nanoTime() - start;
                if (!Arrays.equals(message, reply)) throw new IllegalStateException("echo differs at round " + i);
                if (i >= 0) nanos[i] = elapsed;
            }
            Latencies l = Latencies.ofNanos(nanos);
            System.out.printf("pty round trip, 2-byte messages, jSerialComm both ends, %d rounds after %d warm-up:%n", rounds, warmup);
            System.out.printf("  p50 %.3f ms   p99 %.3f ms   p99.9 %.3f ms   max %.3f ms   (MDB limit 5 ms)%n",
                    l.percentileMs(50), l.percentileMs(99), l.percentileMs(99.9), l.maxMs());
        }
    }

    /** The far end answers every 2 bytes it reads, like a reader ACKing a bus word. */
    private static void echo(JSerialCommLink link) {
        byte[] buffer = new byte[64];
        try {
            while (true) {
                int n = link.read(buffer, Duration.ofSeconds(10));
                if (n > 0) link.write(Arrays.copyOf(buffer, n));
            }
        } catch (SerialLinkException closed) {
            // the bench is over
        }
    }

}
