package io.wavebench.simulators.phone;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.StreamingReceiver;
import io.wavebench.simulators.token.ChallengeFrames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The phone's microphone in two-way mode (DESIGN §5.1): it listens continuously, as the reader
 * does, and keeps the challenges it demodulates for the next payment. Only what is heard on the
 * air reaches it; nothing else tells the phone the challenge.
 */
final class PhoneEar implements AutoCloseable {

    private final AudioIn microphone;
    private final AcousticModem modem;
    private final BlockingQueue<byte[]> challenges = new LinkedBlockingQueue<>();
    /** Every challenge heard, with System.nanoTime() when it was demodulated; guarded by itself. */
    private final List<SimulatedPhone.HeardChallenge> heard = new ArrayList<>();
    private final Thread listening;
    private volatile boolean running = true;

    PhoneEar(String phoneName, AudioIn microphone, AcousticModem modem) {
        this.microphone = microphone;
        this.modem = modem;
        microphone.open();
        listening = new Thread(this::listen, "phone-" + phoneName + "-microphone");
        listening.setDaemon(true);
        listening.start();
    }

    private void listen() {
        StreamingReceiver receiver = modem.newReceiver(frame -> ChallengeFrames.challengeOf(frame.payload()).ifPresent(challenge -> {
            synchronized (heard) {
                heard.add(new SimulatedPhone.HeardChallenge(System.nanoTime(), challenge.clone()));
            }
            challenges.add(challenge);
        }));
        float[] block = new float[Math.max(1, Math.round(microphone.format().getSampleRate() / 100))];
        while (running) {
            int n = microphone.read(block);
            if (n < 0) return;
            receiver.accept(block, 0, n);
        }
    }

    /** Forgets challenges heard before now (they answered someone else, or an earlier hello). */
    void forgetHeard() {
        challenges.clear();
    }

    Optional<byte[]> awaitChallenge(Duration within) {
        try {
            return Optional.ofNullable(challenges.poll(within.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    List<SimulatedPhone.HeardChallenge> heard() {
        synchronized (heard) {
            return List.copyOf(heard);
        }
    }

    String mixerName() {
        return microphone.mixerName();
    }

    @Override
    public void close() {
        running = false;
        microphone.close(); // unblocks the read (DESIGN §7)
        try {
            listening.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
