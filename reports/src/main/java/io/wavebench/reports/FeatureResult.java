package io.wavebench.reports;

import java.util.List;

/**
 * A feature file as documentation: its title, the prose under {@code Feature:}, its tags and its
 * Background steps (shown once, as "before every scenario"), in the order the run met them.
 */
public record FeatureResult(String uri, String name, String description, List<String> tags, List<String> backgroundSteps) {

    /** {@code feature-<file>.html}: the feature's own page in the report. */
    public String pageName() {
        String file = uri.substring(uri.lastIndexOf('/') + 1).replaceFirst("\\.feature$", "");
        return "feature-" + file.replaceAll("[^A-Za-z0-9_-]+", "-") + ".html";
    }
}
