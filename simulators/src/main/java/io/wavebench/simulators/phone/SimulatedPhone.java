package io.wavebench.simulators.phone;

import io.wavebench.drivers.audio.AudioIn;
import io.wavebench.drivers.audio.AudioOut;
import io.wavebench.drivers.modem.AcousticModem;
import io.wavebench.drivers.modem.ModemProfile;
import io.wavebench.drivers.sound.SoundProtocol;
import io.wavebench.drivers.sound.SoundProtocols;
import io.wavebench.drivers.sound.SoundTransmitter;
import io.wavebench.simulators.Startable;
import io.wavebench.simulators.backend.BackendClient;
import io.wavebench.simulators.backend.Issuer;
import io.wavebench.simulators.token.ChallengeFrames;
import io.wavebench.simulators.token.Credential;
import io.wavebench.simulators.token.PaymentToken;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A shopper's phone with no network: signs a token from its wallet and sounds it through its
 * speaker (an {@link AudioOut}, so the same code plays through a real speaker on a bench), in the
 * sound protocol it was given (DESIGN §4: wavebench's modem by default). A protocol whose messages
 * carry a one-time payment code instead of a token ({@link SoundProtocol.Carries}) sounds that.
 */
public final class SimulatedPhone implements Startable {

    private final String name;
    private final Wallet wallet;
    private final AudioOut speaker;
    private final SoundProtocol protocol;
    private final SoundTransmitter voice;
    /** wavebench's modem in the voice's profile, for two-way mode; null in another protocol. */
    private final AcousticModem modem;
    private final Clock clock;
    private boolean started;
    private volatile boolean online = true;
    private volatile float volume = 1f;
    /** How far the phone's clock is off the true time (a phone set by hand, a drifting clock). */
    private volatile Duration clockOffset = Duration.ZERO;
    /** Two-way mode: the phone's microphone, null until {@link #listenWith}. */
    private PhoneEar ear;

    /** A phone that sounds wavebench's modem in {@code modem}'s profile. */
    public SimulatedPhone(String name, Wallet wallet, AudioOut speaker, AcousticModem modem, Clock clock) {
        this(name, wallet, speaker, SoundProtocols.named(SoundProtocols.DEFAULT), modem.profile().cliName(), modem.sampleRate(), clock);
    }

    /** A phone that sounds {@code protocol} in {@code mode} at {@code sampleRate}. */
    public SimulatedPhone(String name, Wallet wallet, AudioOut speaker, SoundProtocol protocol, String mode, float sampleRate, Clock clock) {
        this.name = Objects.requireNonNull(name);
        this.wallet = Objects.requireNonNull(wallet);
        this.speaker = Objects.requireNonNull(speaker);
        this.protocol = Objects.requireNonNull(protocol);
        this.voice = protocol.transmitter(mode, sampleRate);
        this.modem = SoundProtocols.DEFAULT.equals(protocol.name()) ? AcousticModem.of(ModemProfile.fromCliName(voice.mode()), sampleRate) : null;
        this.clock = Objects.requireNonNull(clock);
    }

    /** The sound protocol the phone speaks, and its mode: "wavebench robust", "ggwave audible-fast". */
    public String voice() {
        return protocol.name() + " " + voice.mode();
    }

    public String name() {
        return name;
    }

    public Wallet wallet() {
        return wallet;
    }

    /** Takes the phone off the network (or back): a credential can only be fetched online. */
    public void setOnline(boolean online) {
        this.online = online;
    }

    public boolean isOnline() {
        return online;
    }

    /**
     * Sets the media volume relative to full (0 dB or less): sounds are scaled by it before they
     * reach the speaker, as a phone's volume control does.
     */
    public void setVolumeDb(double volumeDb) {
        if (!(volumeDb <= 0)) throw new IllegalArgumentException("phone " + name + ": volume must be 0 dB or less, got " + volumeDb);
        this.volume = (float) Math.pow(10, volumeDb / 20);
    }

    /** Fetches a credential from the issuer while online (DESIGN §5.1: issued online, cached). */
    public Credential refreshCredential(Issuer issuer, long accountId, long offlineLimit, int currency, Duration validity) {
        if (!online) throw new IllegalStateException("phone " + name + " has no network: it cannot reach the issuer");
        Credential credential = issuer.provision(accountId, wallet.devicePublicKey(), offlineLimit, currency, validity);
        wallet.install(credential);
        return credential;
    }

    /**
     * Enrols with the backend while online (DESIGN §5.6: the issuer signs a credential for this
     * phone's device key) and installs the credential.
     */
    public Credential enrollWith(BackendClient backend, long accountId, long offlineLimit, int currency) {
        if (!online) throw new IllegalStateException("phone " + name + " has no network: it cannot enrol with " + backend);
        Credential credential = backend.enroll(accountId, wallet.devicePublicKey(), offlineLimit, currency);
        wallet.install(credential);
        return credential;
    }

    /**
     * Back online, trades the credential it holds for a fresh one (DESIGN §5.6), proving it holds
     * the device key, and installs it.
     *
     * @throws io.wavebench.simulators.backend.BackendException when the backend refuses (e.g. the credential was revoked)
     */
    public Credential refreshWith(BackendClient backend) {
        if (!online) throw new IllegalStateException("phone " + name + " has no network: it cannot refresh its credential at " + backend);
        Credential fresh = backend.refresh(wallet.refreshRequest(clock.instant()));
        wallet.install(fresh);
        return fresh;
    }

    @Override
    public synchronized void start() {
        if (started) return;
        speaker.open();
        started = true;
    }

    /** Pays: a fresh token, modulated and played; returns once the sound has left the speaker. */
    public Sounded pay() {
        return sound(wallet.nextToken(phoneClock()));
    }

    /**
     * Pays with a one-time payment code (DESIGN §5.2: its 18 digits as ASCII), in a protocol that
     * carries codes; returns the samples once they have left the speaker.
     */
    public float[] soundPaymentCode(String digits) {
        if (protocol.carries() != SoundProtocol.Carries.PAYMENT_CODE) {
            throw new IllegalStateException("phone " + name + " speaks " + voice() + ", which carries " + protocol.carries() + ", not a payment code");
        }
        return soundBytes(digits.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sets the phone's clock {@code offset} ahead of true time (negative: behind); tokens carry its time. */
    public void setClockOffset(Duration offset) {
        this.clockOffset = Objects.requireNonNull(offset);
    }

    private Clock phoneClock() {
        Duration offset = clockOffset;
        return offset.isZero() ? clock : Clock.offset(clock, offset);
    }

    /** Gives the phone a microphone for two-way mode (DESIGN §5.1); it listens from now until close. */
    public synchronized void listenWith(AudioIn microphone) {
        if (ear != null) throw new IllegalStateException("phone " + name + " already listens on " + ear.mixerName());
        if (modem == null) throw new IllegalStateException("phone " + name + ": two-way mode is wavebench's protocol; this phone speaks " + voice());
        ear = new PhoneEar(name, microphone, modem);
    }

    /**
     * Pays in two-way mode (DESIGN §5.1): sounds a HELLO, waits for the reader's challenge on its
     * microphone, signs it into the token and plays that.
     *
     * @throws IllegalStateException naming the microphone when no challenge is heard within {@code wait}
     */
    public Sounded payAnsweringChallenge(Duration wait) {
        PhoneEar listening;
        synchronized (this) {
            listening = ear;
        }
        if (listening == null) throw new IllegalStateException("phone " + name + ": two-way payment needs a microphone (listenWith)");
        listening.forgetHeard();
        play(modem.modulate(ChallengeFrames.hello()));
        byte[] challenge = listening.awaitChallenge(wait).orElseThrow(() -> new IllegalStateException("phone " + name
                + ": no reader challenge heard on " + listening.mixerName() + " within " + wait.toMillis() + " ms of its HELLO"));
        return sound(wallet.nextToken(phoneClock(), challenge));
    }

    /**
     * Every reader challenge the phone's microphone has demodulated since {@link #listenWith}, oldest
     * first: what the air brought the phone in two-way mode (DESIGN §5.1), whoever sounded it.
     */
    public List<HeardChallenge> challengesHeard() {
        PhoneEar listening;
        synchronized (this) {
            listening = ear;
        }
        return listening == null ? List.of() : listening.heard();
    }

    /** Sounds any token, honest or not: how scenarios present forgeries through the same path. */
    public Sounded sound(PaymentToken token) {
        if (protocol.carries() != SoundProtocol.Carries.OFFLINE_TOKEN) {
            throw new IllegalStateException("phone " + name + " speaks " + voice() + ", which carries " + protocol.carries() + ", not a token");
        }
        return new Sounded(token, soundBytes(token.encode()));
    }

    /**
     * Sounds raw message bytes, token or not, as the phone sounds a payment: its protocol and mode,
     * its volume, its speaker. Returns the samples played.
     */
    public float[] soundBytes(byte[] frame) {
        return playAtVolume(voice.modulate(frame));
    }

    /**
     * Sounds {@code message} in another protocol than the phone's own, in its default mode, through
     * the same speaker at the same volume: another app on the same phone, speaking what the reader
     * may not listen for. Returns the samples played.
     */
    public float[] soundIn(SoundProtocol other, byte[] message) {
        return playAtVolume(other.transmitter(other.defaultMode(), voice.sampleRate()).modulate(message));
    }

    /** Scales what the phone made by its media volume and plays it; returns the samples played. */
    private float[] playAtVolume(float[] samples) {
        if (volume != 1f) {
            for (int i = 0; i < samples.length; i++) samples[i] *= volume;
        }
        play(samples);
        return samples;
    }

    /** Plays a recorded sound as it is (a replay attack holds a recorder to the reader). */
    public synchronized void play(float[] samples) {
        if (!started) throw new IllegalStateException("phone " + name + ": play() before start()");
        speaker.play(samples);
    }

    @Override
    public synchronized void close() {
        if (!started) return;
        started = false;
        if (ear != null) ear.close();
        ear = null;
        speaker.close();
    }

    /** A challenge the phone's microphone demodulated, and System.nanoTime() when it did. */
    public record HeardChallenge(long atNanos, byte[] challenge) {
        public HeardChallenge {
            challenge = challenge.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }
    }

    /** A token as it went on the air: the token and the exact samples played. */
    public record Sounded(PaymentToken token, float[] samples) {}
}
