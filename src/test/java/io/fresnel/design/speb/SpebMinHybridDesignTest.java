package io.fresnel.design.speb;

import io.fresnel.bench.SpebScenes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.ProgressListener;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SinrRequirements;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** speb-min-hybrid (Algorithm 1): feasibility, structure, bounds, monotonicity, bad input. */
class SpebMinHybridDesignTest {
    private static final Scenario SC = SpebScenes.scene(32, 4, 2, 5, 11);

    @Test
    void resultIsFeasiblePartiallyConnectedAndAboveTheDigitalBound() throws Exception {
        List<Double> objectives = new ArrayList<>();
        List<Precoder> feasible = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void onIteration(int iteration, double objective, String message) {
                objectives.add(objective);
            }

            @Override
            public void onFeasible(int iteration, Precoder precoder) {
                feasible.add(precoder);
            }
        };
        DesignResult h = Designs.byName("speb-min-hybrid").run(SC, new DesignContext(() -> false, listener, null));
        assertTrue(h.status() == DesignStatus.CONVERGED || h.status() == DesignStatus.ITERATION_LIMIT, h.message());
        SpebChecks.assertFeasible(SC, h);
        DesignResult d = Designs.byName("speb-min-digital").run(SC, DesignContext.none());
        assertTrue(h.objective() >= d.objective() * (1 - 1e-6), "hybrid below the digital bound");
        assertTrue(h.objective() <= d.objective() * 1.5, "hybrid far above the digital bound");
        // BCD monotonicity: the reported SPEB never rises
        for (int i = 1; i < objectives.size(); i++) {
            assertTrue(objectives.get(i) <= objectives.get(i - 1), "SPEB rose at report " + i);
        }
        // every live intermediate is feasible
        assertTrue(!feasible.isEmpty());
        for (Precoder p : feasible) {
            SpebChecks.assertPartiallyConnected(p.analog(), 4);
        }
    }

    @Test
    void digitalBlockIsOptimalForTheReturnedAnalogBeamformer() throws Exception {
        DesignResult h = Designs.byName("speb-min-hybrid").run(SC, DesignContext.none());
        ScenarioPhysics ph = new ScenarioPhysics(SC);
        SpebEvaluator ev = new SpebEvaluator(ph);
        // an independent digital step: the SDR in the span of F_A's columns, reordered (another basis)
        List<double[][]> cols = SpebSdrStep.columns(h.precoder().analog());
        java.util.Collections.reverse(cols);
        SpebSdrStep.Outcome again = SpebSdrStep.solve(SdrModel.inSpanOf(ph, cols), ev, SC.transmitPowerW(),
                SinrRequirements.of(SC.users()), () -> false);
        assertTrue(again.feasible());
        assertTrue(again.speb() >= h.objective() * (1 - 1e-4), again.speb() + " < " + h.objective());
    }

    @Test
    void beatsTheTwoStageBaseline() throws Exception {
        DesignResult h = Designs.byName("speb-min-hybrid").run(SC, DesignContext.none());
        DesignResult t = Designs.byName("two-stage-hybrid").run(SC, DesignContext.none());
        double twoStage = io.fresnel.metrics.MetricsEvaluator.evaluate(SC.withPrecoder(t.precoder())).system()
                .crbPositionSumM2();
        assertTrue(h.objective() < twoStage, h.objective() + " vs two-stage " + twoStage);
    }

    @Test
    void unreachableRatesAreInfeasible() throws Exception {
        Scenario sc = SpebScenes.scene(16, 4, 2, 40, 3);
        DesignResult r = Designs.byName("speb-min-hybrid").run(sc, DesignContext.none());
        assertEquals(DesignStatus.INFEASIBLE, r.status());
        assertNull(r.precoder());
    }

    @Test
    void badArchitecturesAreRejectedNamingTheField() {
        Scenario notDivisible = SpebScenes.scene(16, 3, 3, 2, 3);
        DesignException e1 = assertThrows(DesignException.class,
                () -> Designs.byName("speb-min-hybrid").run(notDivisible, DesignContext.none()));
        assertTrue(e1.getMessage().contains("architecture.rf_chains"), e1.getMessage());
        Scenario tooFew = SpebScenes.scene(16, 2, 3, 2, 3);
        DesignException e2 = assertThrows(DesignException.class,
                () -> Designs.byName("speb-min-hybrid").run(tooFew, DesignContext.none()));
        assertTrue(e2.getMessage().contains("fewer than the 3 user streams"), e2.getMessage());
        Scenario digital = SpebScenes.scene(16, 0, 3, 2, 3);
        DesignException e3 = assertThrows(DesignException.class,
                () -> Designs.byName("speb-min-hybrid").run(digital, DesignContext.none()));
        assertTrue(e3.getMessage().contains("architecture.kind"), e3.getMessage());
    }
}
