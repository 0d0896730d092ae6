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
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.SolverSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The solver block's sensing bounds are upper bounds: a CRB, SPEB or PCRB below its limit meets
     * it, one above violates it. The limits are placed at 0.5x and 2x (and just inside / outside the
     * rounding tolerance) of the values the metric code reports for a golden near-field case with an
     * angle prior, so a check in the wrong direction (value &gt;= limit) fails every line.
     */
    @Test
    void sensingBoundsAreUpperBoundsOnTheirOwnMetric() throws Exception {
        Scenario base = ScenarioReader.readScenario(io.fresnel.GoldenFiles.goldenDir()
                .resolve("public/p_prior_fresnel_n32.scenario.json"));
        TargetMetrics t = MetricsEvaluator.evaluate(base).targets().get(0);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("crb_angle_max_rad2", t.crbAngleRad2());
        values.put("crb_range_max_m2", t.crbRangeM2());
        values.put("speb_max_m2", t.spebM2());
        values.put("pcrb_max_rad2", t.pcrbUpperApproxRad2());
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = e.getValue();
            assertTrue(v > 0 && Double.isFinite(v), e.getKey() + " has no value to bound: " + v);
            for (double factor : new double[] {2, 1 + 1e-7, 1 - 1e-5, 0.5}) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put(e.getKey(), v * factor);
                Scenario s = base.withSolver(new SolverSpec("mrt", params));
                List<ConstraintStatus.Check> checks = ConstraintStatus.of(s, MetricsEvaluator.evaluate(s));
                List<ConstraintStatus.Check> bound = checks.stream().filter(c -> c.name().endsWith(e.getKey()))
                        .toList();
                assertEquals(1, bound.size(), e.getKey() + ": " + checks);
                ConstraintStatus.Check c = bound.get(0);
                assertTrue(c.upper(), c.toString());
                assertEquals(v, c.value(), 1e-12 * v, c.toString());
                assertEquals(v * factor, c.limit(), 0, c.toString());
                assertEquals(factor >= 1, c.met(), e.getKey() + " at " + factor + " x its value: " + c);
            }
        }
    }

    /** A lower bound (a rate requirement) is met at and above its limit, violated below it. */
    @Test
    void aLowerBoundIsMetFromAbove() {
        assertTrue(new ConstraintStatus.Check("r", 2, 1, false).met());
        assertTrue(new ConstraintStatus.Check("r", 1 - 1e-9, 1, false).met());
        assertFalse(new ConstraintStatus.Check("r", 0.99, 1, false).met());
        assertFalse(new ConstraintStatus.Check("r", 0.5, 1, true).met() == new ConstraintStatus.Check("r", 0.5, 1,
                false).met());
    }
}
