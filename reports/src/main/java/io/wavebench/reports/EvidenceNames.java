package io.wavebench.reports;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Where a scenario's evidence lives in the report folder. The writer (the run's glue, through
 * fixtures) and the reader (this module, after the run) agree on the name, not on a class: each
 * computes it, and a known-answer test on each side pins the same names (README, "Evidence").
 */
public final class EvidenceNames {

    private EvidenceNames() {}

    /**
     * {@code evidence/<feature file>-L<line>-<scenario>/}: the line keeps scenario outline rows
     * apart; names are folded to a safe folder name.
     */
    public static String slug(String featureUri, int line, String scenario) {
        String file = featureUri.substring(featureUri.lastIndexOf('/') + 1).replaceFirst("\\.feature$", "");
        return fold(file) + "-L" + line + "-" + fold(scenario);
    }

    private static String fold(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
