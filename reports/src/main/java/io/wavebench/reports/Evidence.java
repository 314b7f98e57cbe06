package io.wavebench.reports;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The evidence files a scenario left under {@code evidence/<slug>/}, sorted by kind so the report
 * can show each one the way a person takes it in: sound to listen to, pictures, text to read.
 */
public record Evidence(List<Item> items) {

    /**
     * Card photos never reach the report, not even as a link (DESIGN §5.4: "the full PAN and the
     * photo never reach a log, journal, report, attachment"). A file is taken for one when its name
     * starts with {@code card-} / {@code card_} or mentions {@code card-photo}; writers of evidence
     * name card pictures so. A later PAN scan relies on this rule: keep it strict.
     */
    private static final Pattern CARD_PHOTO = Pattern.compile("(?i)^card[-_].*|.*card[-_]?photo.*");

    public enum Kind { AUDIO, IMAGE, TEXT, MEASUREMENTS, OTHER }

    /** One file: its URL relative to the report folder (percent-encoded), its name and kind. */
    public record Item(String href, String fileName, Kind kind, Path file) {}

    /**
     * A file named like a card photo. The report's own pages are not: the page of
     * {@code card_photo.feature} is {@code feature-card_photo.html}.
     */
    public static boolean isCardPhoto(String fileName) {
        return CARD_PHOTO.matcher(fileName).matches() && !fileName.toLowerCase(Locale.ROOT).endsWith(".html");
    }

    public static Path folder(Path reportDir, ScenarioResult s) {
        return reportDir.resolve("evidence").resolve(s.slug());
    }

    public static Evidence of(Path reportDir, ScenarioResult s) throws IOException {
        Path dir = folder(reportDir, s);
        if (!Files.isDirectory(dir)) return new Evidence(List.of());
        List<Item> items = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (isCardPhoto(name)) continue;
                String href = "evidence/" + s.slug() + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
                items.add(new Item(href, name, kind(name), file));
            }
        }
        return new Evidence(List.copyOf(items));
    }

    static Kind kind(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.equals(MeasurementsFile.NAME)) return Kind.MEASUREMENTS;
        if (name.endsWith(".wav") || name.endsWith(".ogg") || name.endsWith(".mp3")) return Kind.AUDIO;
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".gif") || name.endsWith(".svg")) return Kind.IMAGE;
        if (name.endsWith(".txt") || name.endsWith(".log") || name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".yaml")) return Kind.TEXT;
        return Kind.OTHER;
    }

    public List<Item> of(Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).toList();
    }

    /** The picture shown next to a sound: {@code air.png} for {@code air.wav}. */
    public Item pictureOf(Item audio) {
        String stem = audio.fileName().replaceFirst("\\.[^.]+$", "");
        return of(Kind.IMAGE).stream().filter(i -> i.fileName().replaceFirst("\\.[^.]+$", "").equals(stem)).findFirst().orElse(null);
    }
}
