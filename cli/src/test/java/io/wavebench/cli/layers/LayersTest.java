package io.wavebench.cli.layers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.wavebench.drivers.layerfixture.AssertingDriver;
import io.wavebench.features.layerfixture.LocatorStep;
import io.wavebench.features.layerfixture.SkippingStep;
import io.wavebench.features.layerfixture.ThinStep;
import io.wavebench.fixtures.evidence.Figure;
import io.wavebench.fixtures.evidence.MeasurementsFile;
import io.wavebench.fixtures.rig.RigSession;
import io.wavebench.reports.layerfixture.WritingReport;
import io.wavebench.simulators.layerfixture.UpwardSimulator;
import io.wavebench.simulators.vmc.VmcState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every module's main classes against DESIGN §2 ({@link Layers}), and the rules against classes
 * of this module's tests that break them on purpose, analysed as if they were main code: a rule
 * that cannot fail proves nothing.
 */
class LayersTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importEveryModule() {
        mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.wavebench");
    }

    @Test
    void every_module_depends_only_on_the_ones_below_it() {
        assertTrue(mainClasses.stream().anyMatch(c -> c.getPackageName().startsWith("io.wavebench.features")), "the features' classes are on the classpath");
        Layers.dependOnlyDownwards().check(mainClasses);
    }

    @Test
    void simulators_drivers_and_fixtures_use_no_test_framework() {
        Layers.noTestFrameworkBelowTheGlue().check(mainClasses);
    }

    @Test
    void a_step_that_reaches_a_simulator_past_fixtures_fails_the_layering() {
        AssertionError e = assertThrows(AssertionError.class, () -> Layers.dependOnlyDownwards().check(classes(SkippingStep.class, VmcState.class)));
        assertTrue(e.getMessage().contains("SkippingStep") && e.getMessage().contains("io.wavebench.simulators.vmc.VmcState"), e.getMessage());
    }

    @Test
    void a_step_on_fixtures_alone_passes_the_layering() {
        Layers.dependOnlyDownwards().check(classes(ThinStep.class, Figure.class));
    }

    @Test
    void steps_get_the_scenario_parts_never_the_assembled_rig() {
        Layers.stepsGetPartsNotTheRig().check(mainClasses);
    }

    @Test
    void a_step_that_holds_the_assembled_rig_fails_the_parts_rule() {
        AssertionError e = assertThrows(AssertionError.class, () -> Layers.stepsGetPartsNotTheRig().check(classes(LocatorStep.class, RigSession.class)));
        assertTrue(e.getMessage().contains("LocatorStep") && e.getMessage().contains("RigSession"), e.getMessage());
        Layers.stepsGetPartsNotTheRig().check(classes(ThinStep.class));
    }

    @Test
    void a_simulator_that_reaches_up_into_fixtures_fails_the_layering() {
        AssertionError e = assertThrows(AssertionError.class, () -> Layers.dependOnlyDownwards().check(classes(UpwardSimulator.class, Figure.class)));
        assertTrue(e.getMessage().contains("UpwardSimulator"), e.getMessage());
    }

    @Test
    void a_report_that_writes_evidence_with_fixtures_classes_fails_the_layering() {
        AssertionError e = assertThrows(AssertionError.class, () -> Layers.dependOnlyDownwards().check(classes(WritingReport.class, MeasurementsFile.class, Figure.class)));
        assertTrue(e.getMessage().contains("WritingReport") && e.getMessage().contains("MeasurementsFile"), e.getMessage());
    }

    @Test
    void a_driver_that_uses_junit_fails_the_plain_library_rule() {
        AssertionError e = assertThrows(AssertionError.class, () -> Layers.noTestFrameworkBelowTheGlue().check(classes(AssertingDriver.class)));
        assertTrue(e.getMessage().contains("AssertingDriver") && e.getMessage().contains("org.junit"), e.getMessage());
    }

    /** The classes to check and those they use: a layer holds the classes imported into it, so both ends are imported. */
    private static JavaClasses classes(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }
}
