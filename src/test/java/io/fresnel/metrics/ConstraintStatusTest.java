package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.Designs;
import io.fresnel.io.Presets;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintStatusTest {

    private static Scenario lecture(String algorithm) throws Exception {
        Scenario s = Presets.defaultScenario();
        return s.withPrecoder(Designs.byName(algorithm).run(s, DesignContext.none()).precoder());
    }

    @Test
    void powerAndRateRequirementsAreChecked() throws Exception {
        Scenario s = lecture("zf");
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, MetricsEvaluator.evaluate(s));
        assertEquals(3, checks.size());
        assertTrue(checks.get(0).met(), checks.get(0).toString());
        for (ConstraintStatus.Check c : checks.subList(1, 3)) {
            assertTrue(c.met(), c.toString());
        }
    }

    @Test
    void anUnreachableRateIsReportedViolated() throws Exception {
        Scenario s = lecture("zf");
        CommNode u = s.users().get(0);
        s = ScenarioEdits.replaceNode(s, u.id(), new CommNode(u.id(), u.positionM(), u.noiseW(), u.link(), 1000.0));
        List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, MetricsEvaluator.evaluate(s));
        ConstraintStatus.Check rate = checks.stream().filter(c -> c.name().startsWith(u.id())).findFirst().orElseThrow();
        assertFalse(rate.met());
    }

    @Test
    void aMissingMetricViolatesItsBound() {
        assertFalse(new ConstraintStatus.Check("x", Double.NaN, 1, true).met());
        assertTrue(new ConstraintStatus.Check("x", 1 + 1e-9, 1, true).met());
        assertFalse(new ConstraintStatus.Check("x", 1.01, 1, true).met());
    }
}
