package io.wavebench.reports;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Where a scenario's evidence lives in the report folder. The writer (fixtures, during the run)
 * and the reader (this module, after it) agree through this one function.
 */
public final class EvidenceNames {

    private EvidenceNames() {}

    /** {@code evidence/<slug>/}: feature and scenario names folded to a safe folder name. */
    public static String slug(String feature, String scenario) {
        return fold(feature) + "--" + fold(scenario);
    }

    private static String fold(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
