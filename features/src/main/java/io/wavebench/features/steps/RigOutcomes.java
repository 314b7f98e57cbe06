package io.wavebench.features.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.wavebench.fixtures.rig.Rig;
import io.wavebench.fixtures.scenario.ScenarioRig;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Capability tags (DESIGN §3): a scenario tagged {@code @needs:<capability>} on a rig that lacks
 * it is ABORTED with the reason before it starts — a real reader has no inside view to look at,
 * which says nothing about the reader. Aborting is Cucumber's "skipped" status, reached through
 * opentest4j's TestAbortedException (what Cucumber takes for an aborted test).
 */
public final class RigOutcomes {

    static final String NEEDS = "@needs:";

    @Before(order = 0)
    public void abortWhenTheRigLacksACapability(Scenario scenario) {
        Rig rig = rig();
        List<String> missing = scenario.getSourceTagNames().stream().filter(t -> t.startsWith(NEEDS)).map(t -> t.substring(NEEDS.length()))
                .filter(capability -> !rig.has(capability)).distinct().sorted().toList();
        if (!missing.isEmpty()) {
            Assumptions.abort("ABORTED: needs " + String.join(", ", missing) + ", which rig '" + rig.name() + "' does not have (its capabilities: "
                    + (rig.capabilities().isEmpty() ? "none" : String.join(", ", rig.capabilities().stream().sorted().toList())) + ")");
        }
    }

    static Rig rig() {
        return ScenarioRig.rigFile();
    }
}
