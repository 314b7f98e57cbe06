package io.wavebench.simulators.reader;

import io.wavebench.drivers.audio.AudioOut;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.simulators.token.ChallengeFrames;
import io.wavebench.simulators.token.ReaderChallenges;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The reader's voice in two-way mode (DESIGN §5.1): when a phone's HELLO is heard, a fresh
 * challenge is sounded through the reader's own speaker, on a thread of its own so the microphone
 * keeps listening for the token that answers it.
 */
final class ChallengeResponder implements AutoCloseable {

    private final AudioOut speaker;
    private final ReaderChallenges challenges;
    private final Clock clock;
    private final Consumer<ReaderEvent> events;
    private final ExecutorService voice;

    ChallengeResponder(String readerId, AudioOut speaker, ReaderChallenges challenges, Clock clock, Consumer<ReaderEvent> events) {
        this.speaker = speaker;
        this.challenges = challenges;
        this.clock = clock;
        this.events = events;
        this.voice = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reader-" + readerId + "-speaker");
            t.setDaemon(true);
            return t;
        });
        speaker.open();
    }

    /** A HELLO was heard through {@code modem}'s receiver: sound a new challenge in the same profile. */
    void answerHello(AcousticModem modem) {
        byte[] challenge = challenges.issue();
        float[] samples = modem.modulate(ChallengeFrames.challenge(challenge));
        events.accept(new ReaderEvent(clock.instant(), ReaderEvent.Kind.CHALLENGE_SOUNDED,
                "challenge " + HexFormat.of().formatHex(challenge) + " through " + speaker.mixerName(), null));
        voice.execute(() -> speaker.play(samples));
    }

    @Override
    public void close() {
        voice.shutdownNow();
        speaker.close();
    }
}
