package io.wavebench.drivers.channel;

/** The noise beds DESIGN §4 names, each a seeded generator. */
public enum NoiseKind {
    WHITE("white noise"),
    PINK("pink noise"),
    /** Crowd babble: many overlapping formant-filtered voices at syllable rate (a busy shop). */
    BABBLE("babble"),
    /** Subway: strong low-frequency rumble, broadband hiss and occasional brake/rail screeches. */
    SUBWAY("subway rumble"),
    /** Background music: chords and a drum pattern (a café or a supermarket). */
    MUSIC("music");

    private final String label;

    NoiseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A fresh bed; the same seed and rate give the same samples. */
    public NoiseBed newBed(long seed, double sampleRate) {
        return switch (this) {
            case WHITE -> new WhiteNoise(seed);
            case PINK -> new PinkNoise(seed);
            case BABBLE -> new BabbleNoise(seed, sampleRate);
            case SUBWAY -> new SubwayNoise(seed, sampleRate);
            case MUSIC -> new MusicNoise(seed, sampleRate);
        };
    }
}
