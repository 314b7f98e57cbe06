package com.acme;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Acme's specification under `mvn test`: Acme's features (test resources under com/acme, selected
 * by package so each runs once) with wavebench's steps and Acme's own. The rig is wavebench's simulated one unless
 * -Dwavebench.rig=FILE or the key wavebench.rig in junit-platform.properties names another.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("com.acme")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.wavebench.features.steps,com.acme.steps")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "summary, json:target/acme-report/cucumber.json")
public class RunAcmeSpecificationTest {}
