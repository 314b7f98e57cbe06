package io.wavebench.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the report says about the run itself besides its scenarios: the rig (its name, where its
 * file is and what the file says) and the facts a reader needs to reproduce it (versions, devices,
 * tags), in the order they should be shown. The facts named by the constants below are the ones the
 * history records per run and the pages show at the top (DESIGN §3, OpenHTF-style run record:
 * the code's version and the device under test's identity with every result).
 */
public record RunContext(String rigName, String rigLocation, String rigFileText, Instant started, Duration wall, Map<String, String> facts) {

    /** The commit the run's code was built from: {@code 3f2a1bc}, {@code 3f2a1bc-dirty} or {@code unknown}. */
    public static final String COMMIT = "commit";
    /** wavebench's own version. */
    public static final String WAVEBENCH = "wavebench";
    /**
     * The reader's identity as its MDB EXPANSION ID answer gives it (MDB 4.2 §7.4.7): manufacturer,
     * serial, model and software version in one line, or {@code unknown}.
     */
    public static final String READER = "reader";
    /** The tag expression the run selected, or {@code (all scenarios)}. */
    public static final String TAGS = "tags";
    /** What the preflight found: {@code 8 checks passed} when the rig was whole. */
    public static final String PREFLIGHT = "preflight";
    /** Present only when the run was cut short: {@code SIGTERM after 34 of 82 scenarios}. */
    public static final String STOPPED = "stopped";
    /** {@code gate} or {@code report-only}: whether a judged figure that fails fails its scenario. */
    public static final String FIGURES = "figures";

    private static final Pattern PREFLIGHT_PASSED = Pattern.compile("^\\d+ checks? passed.*");

    /** The fact, or null when the run did not record it. */
    public String fact(String key) {
        return facts.get(key);
    }

    /**
     * The preflight found the rig broken: its fact says something other than "N checks passed".
     * A run without a preflight fact (an older run, a merged report) is taken as whole.
     */
    public boolean rigBroken() {
        String preflight = facts.get(PREFLIGHT);
        if (preflight == null) return false;
        // a merged report's fact gives each shard's when they differ: "a: 8 checks passed; b: 7 checks passed"
        for (String part : preflight.split("; ")) {
            String own = part.strip().replaceFirst("^[^:\\d][^:]*: ", "");
            if (!PREFLIGHT_PASSED.matcher(own).matches()) return true;
        }
        return false;
    }

    public boolean stopped() {
        return facts.containsKey(STOPPED);
    }
}
