package io.wavebench.cli.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * DESIGN §2 as rules: device-drivers ← simulators ← fixtures ← features; reports depends on
 * nothing of ours (it only reads run output); the cli on top may use all. A module may use only
 * the one below it as the table draws it: features that reached a simulator or a driver past
 * fixtures would skip a layer, and any arrow pointing up is wrong. Simulators and drivers are
 * plain libraries usable from a main(): no JUnit, no Cucumber; fixtures stand on no Cucumber or
 * PicoContainer either (the glue adapts them).
 */
final class Layers {

    static final String DRIVERS = "io.wavebench.drivers..";
    static final String SIMULATORS = "io.wavebench.simulators..";
    static final String FIXTURES = "io.wavebench.fixtures..";
    static final String FEATURES = "io.wavebench.features..";
    static final String REPORTS = "io.wavebench.reports..";
    static final String CLI = "io.wavebench.cli..";

    private Layers() {}

    /** Which module may use which: each layer is used only by the ones DESIGN §2 draws above it. */
    static ArchRule dependOnlyDownwards() {
        // Optional layers: the rule is also checked against a few classes at a time (LayersTest's own cases).
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("device-drivers").definedBy(DRIVERS)
                .layer("simulators").definedBy(SIMULATORS)
                .layer("fixtures").definedBy(FIXTURES)
                .layer("features").definedBy(FEATURES)
                .layer("reports").definedBy(REPORTS)
                .layer("cli").definedBy(CLI)
                .whereLayer("device-drivers").mayOnlyBeAccessedByLayers("simulators", "fixtures", "cli")
                .whereLayer("simulators").mayOnlyBeAccessedByLayers("fixtures", "cli")
                .whereLayer("fixtures").mayOnlyBeAccessedByLayers("features", "cli")
                .whereLayer("features").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("reports").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .as("DESIGN §2: device-drivers <- simulators <- fixtures <- features; reports depends on nothing of ours; cli on top");
    }

    /**
     * Steps get the scenario's parts ({@code io.wavebench.fixtures.scenario}: the machine, the
     * phone, the cursors…) by injection, never the assembled rig whole: a step that held the rig
     * could reach any device past the parts that scope and close them with the scenario.
     */
    static ArchRule stepsGetPartsNotTheRig() {
        return noClasses().that().resideInAPackage(FEATURES).should().dependOnClassesThat()
                .haveFullyQualifiedName("io.wavebench.fixtures.rig.RigSession")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.wavebench.fixtures.rig.RigAssembler")
                .as("steps get the scenario's parts by injection, not the assembled rig (RigSession)").allowEmptyShould(true);
    }

    /** Simulators and drivers are plain libraries; fixtures are adapted to Cucumber by the glue, not built on it. */
    static ArchRule noTestFrameworkBelowTheGlue() {
        return CompositeArchRule.of(
                noClasses().that().resideInAnyPackage(DRIVERS, SIMULATORS).should().dependOnClassesThat()
                        .resideInAnyPackage("org.junit..", "io.cucumber..", "org.picocontainer..")
                        .as("simulators and device-drivers never use JUnit or Cucumber (DESIGN §2: usable from a main())").allowEmptyShould(true))
                .and(noClasses().that().resideInAPackage(FIXTURES).should().dependOnClassesThat()
                        .resideInAnyPackage("org.junit..", "io.cucumber..", "org.picocontainer..")
                        .as("fixtures never use JUnit, Cucumber or PicoContainer (the glue adapts them)").allowEmptyShould(true));
    }
}
