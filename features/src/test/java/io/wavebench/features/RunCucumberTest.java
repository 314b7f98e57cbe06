package io.wavebench.features;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The feature suite under `mvn verify`, on the rig named by -Dwavebench.rig (default: simulated).
 * Features are selected by package, not by a filesystem path, so each runs once (DESIGN §7). The
 * lies (test resources, tagged {@code @lie}) share the package and are left out: each must fail,
 * and their own harness runs them.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("io.wavebench.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.wavebench.features.steps")
@ConfigurationParameter(key = FILTER_TAGS_PROPERTY_NAME, value = "not @lie")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "summary, json:target/wavebench-report/cucumber.json, junit:target/wavebench-report/junit.xml, html:target/wavebench-report/cucumber.html")
public class RunCucumberTest {}
