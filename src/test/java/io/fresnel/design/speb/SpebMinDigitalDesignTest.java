package io.fresnel.design.speb;

import io.fresnel.bench.SpebScenes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import org.junit.jupiter.api.Test;

/** speb-min-digital: feasibility, optimality against the unreduced SDR, infeasibility. */
class SpebMinDigitalDesignTest {

    @Test
    void designIsOptimalAndFeasibleWhenReEvaluated() throws Exception {
        Scenario sc = SpebScenes.scene(32, 4, 2, 5, 11);
        DesignResult r = Designs.byName("speb-min-digital").run(sc, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
        SpebChecks.assertFeasible(sc, r);
        assertTrue(r.precoder().columns() != null, "fully digital: written as columns");
    }

    @Test
    void reducedSpanGivesTheSameOptimumAsTheFullSpace() {
        Scenario sc = SpebScenes.scene(8, 0, 2, 4, 5);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[] need = SinrRequirements.of(sc.users());
        SpebSdrStep.Outcome reduced = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1.0, need,
                () -> false);
        SpebSdrStep.Outcome full = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.FULL), ev, 1.0, need,
                () -> false);
        assertTrue(reduced.feasible() && full.feasible());
        assertEquals(full.speb(), reduced.speb(), 1e-5 * full.speb());
    }

    @Test
    void rankOneConstructionLosesNothing() {
        // the SPEB of the rebuilt precoder equals the SDP's optimum: it cannot be lowered by any
        // feasible precoder, in particular not by a random perturbation scaled back onto the budget
        Scenario sc = SpebScenes.scene(16, 0, 2, 3, 9);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        SpebEvaluator ev = new SpebEvaluator(ph);
        double[] need = SinrRequirements.of(sc.users());
        SpebSdrStep.Outcome out = SpebSdrStep.solve(SdrModel.of(ph, SdrModel.Span.CRB), ev, 1.0, need, () -> false);
        java.util.Random rnd = new java.util.Random(4);
        for (int trial = 0; trial < 20; trial++) {
            java.util.List<double[][]> cols = new java.util.ArrayList<>();
            double total = 0;
            for (double[][] c : out.columns()) {
                double[] re = c[0].clone();
                double[] im = c[1].clone();
                for (int k = 0; k < re.length; k++) {
                    re[k] += 1e-3 * rnd.nextGaussian() * Math.abs(re[k]);
                    im[k] += 1e-3 * rnd.nextGaussian() * Math.abs(im[k]);
                    total += re[k] * re[k] + im[k] * im[k];
                }
                cols.add(new double[][] {re, im});
            }
            double s = Math.sqrt(1.0 / total);
            cols.forEach(c -> {
                for (int k = 0; k < c[0].length; k++) {
                    c[0][k] *= s;
                    c[1][k] *= s;
                }
            });
            if (SpebSdrStep.shortfall(ev, cols, need) <= 0) {
                assertTrue(ev.speb(cols) >= out.speb() * (1 - 1e-6), "a feasible perturbation beat the optimum");
            }
        }
    }

    @Test
    void unreachableRatesAreInfeasibleWithoutPrecoder() throws Exception {
        Scenario sc = SpebScenes.scene(16, 0, 2, 40, 3);
        DesignResult r = Designs.byName("speb-min-digital").run(sc, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status());
        assertNull(r.precoder());
        assertTrue(r.message().contains("min_rate_bps_hz"), r.message());
    }

    @Test
    void higherRateRequirementsCostLocalisationAccuracy() throws Exception {
        double previous = 0;
        for (double rate : new double[] {1, 6, 11}) {
            Scenario sc = SpebScenes.scene(16, 0, 2, rate, 21);
            DesignResult r = Designs.byName("speb-min-digital").run(sc, DesignContext.none());
            assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
            assertTrue(r.objective() >= previous * (1 - 1e-6), "SPEB fell as the rate rose: " + rate);
            previous = r.objective();
        }
    }
}
