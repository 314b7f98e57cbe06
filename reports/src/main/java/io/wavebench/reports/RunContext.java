package io.wavebench.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the report says about the run itself besides its scenarios: the rig (its name, where its
 * file is and what the file says) and the facts a reader needs to reproduce it (versions, devices,
 * tags), in the order they should be shown.
 */
public record RunContext(String rigName, String rigLocation, String rigFileText, Instant started, Duration wall, Map<String, String> facts) {}
