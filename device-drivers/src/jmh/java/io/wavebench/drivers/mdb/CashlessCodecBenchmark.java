package io.wavebench.drivers.mdb;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The MDB cashless codec (MDB 4.2 §7.4) on both sides of a vend: the VMC's VEND REQUEST and POLL
 * encoded into bus words (address byte with the mode bit, CHK), the reader turning the words back
 * into bytes, checking CHK and decoding the command, and the reader's VEND APPROVED encoded and
 * decoded the same way. No port: the codec's share of the reader's 5 ms answer window (DESIGN §6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CashlessCodecBenchmark {

    private final CashlessCommand vendRequest = new CashlessCommand.VendRequest(150, 12);
    private final CashlessCommand poll = new CashlessCommand.Poll();
    private final CashlessResponse approved = new CashlessResponse.VendApproved(150);

    /** VEND REQUEST, then the POLL that collects VEND APPROVED: each block encoded by its sender and decoded by its receiver. */
    @Benchmark
    public void vendRequestAndPollExchange(Blackhole bh) {
        bh.consume(CashlessCommand.decode(received(MdbBlock.vmcWords(vendRequest.encode()))));
        bh.consume(CashlessCommand.decode(received(MdbBlock.vmcWords(poll.encode()))));
        List<CashlessResponse> answer = CashlessResponse.decodeAll(received(MdbBlock.peripheralWords(approved.encode())));
        bh.consume(answer);
    }

    @Benchmark
    public int[] encodeVendRequest() {
        return MdbBlock.vmcWords(vendRequest.encode());
    }

    /** The words' low bytes, CHK checked and dropped: what a receiver does before decoding. */
    private static byte[] received(int[] words) {
        byte[] bytes = new byte[words.length - 1];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) words[i];
        if (MdbBlock.checksum(bytes) != (words[words.length - 1] & 0xFF)) {
            throw new IllegalStateException("CHK mismatch in " + Arrays.toString(words));
        }
        return bytes;
    }
}
