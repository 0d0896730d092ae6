package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** illumination-maxmin-sdr and echo-maxmin-sdr (paper 004 P2, P3). */
class MaxMinPowerSdrDesignTest {

    private static double min(Metrics m, boolean echo) {
        double v = Double.POSITIVE_INFINITY;
        for (TargetMetrics t : m.targets()) {
            v = Math.min(v, echo ? t.echoPowerW() : t.illuminationW());
        }
        return v;
    }

    /**
     * Prop. 4's reduction loses nothing. With the golden case's requirement (17 bit/s/Hz) the optim solver
     * stalls (SolverStallReproducerTest.goldenIlluminationCaseConverges), so a requirement of 12 bit/s/Hz
     * (still active) is used here.
     */
    @Test
    void reducedSdrEqualsTheFullSdr() {
        Scenario sc = CrbMinSdrDesignTest.withMinRates(SdrTestSupport.golden("solver/p_solver_illum_2d_n12"), 12);
        ScenarioPhysics ph = new ScenarioPhysics(sc);
        double[] need = SdrDesign.sinrRequirements(sc.users());
        for (boolean echo : new boolean[] {false, true}) {
            SdrSolution reduced = new MaxMinPowerProgram(SdrModel.of(ph, SdrModel.Span.POWER), sc.transmitPowerW(),
                    need, echo).solve(() -> false);
            SdrSolution full = new MaxMinPowerProgram(SdrModel.of(ph, SdrModel.Span.FULL), sc.transmitPowerW(), need,
                    echo).solve(() -> false);
            assertEquals(DesignStatus.OPTIMAL, reduced.status(), reduced.note());
            assertEquals(DesignStatus.OPTIMAL, full.status(), full.note());
            System.out.printf("max-min %s: reduced %.12e (%d it), full %.12e (%d it)%n", echo ? "echo" : "illumination",
                    reduced.objective(), reduced.iterations(), full.objective(), full.iterations());
            assertEquals(full.objective(), reduced.objective(), 1e-6 * full.objective());
        }
    }

    @Test
    void echoAndIlluminationDesignsMaximiseTheirOwnMinimum() throws DesignException {
        Scenario sc = CrbMinSdrDesignTest.withMinRates(SdrTestSupport.golden("public/p004_upa_two_targets"), 2.0, 1.0);
        Metrics illum = CrbMinSdrDesignTest.runAndCheck("illumination-maxmin-sdr", sc);
        Metrics echo = CrbMinSdrDesignTest.runAndCheck("echo-maxmin-sdr", sc);
        assertTrue(min(illum, false) >= min(echo, false) * (1 - 1e-6));
        assertTrue(min(echo, true) >= min(illum, true) * (1 - 1e-6));
        // at the max-min optimum of two targets both are illuminated equally (or one constraint is slack)
        DesignResult r = Designs.byName("echo-maxmin-sdr").run(sc, DesignContext.none());
        assertEquals(min(echo, true), r.objective(), 1e-12 * r.objective());
    }

    @Test
    void withOneTargetIlluminationAndEchoDesignsCoincide() throws DesignException {
        Scenario sc = SdrTestSupport.golden("solver/p_solver_crb_2d_n8");
        Metrics illum = CrbMinSdrDesignTest.runAndCheck("illumination-maxmin-sdr", sc);
        Metrics echo = CrbMinSdrDesignTest.runAndCheck("echo-maxmin-sdr", sc);
        assertEquals(min(illum, false), min(echo, false), 1e-6 * min(illum, false));
    }

    @Test
    void withoutUsersTheMaxMinOfOneTargetIsTheFocusedBeam() throws DesignException {
        Scenario sc = SdrTestSupport.upa(6, Double.NaN, "",
                "{\"id\": \"t1\", \"position_m\": [0.01, 0.02, 0.08], \"reflection\": [1, 0]}");
        Metrics m = CrbMinSdrDesignTest.runAndCheck("illumination-maxmin-sdr", sc);
        Metrics mrt = DesignScenarios.evaluate(sc, DesignScenarios.design("mrt", sc));
        assertEquals(mrt.targets().get(0).illuminationW(), m.targets().get(0).illuminationW(),
                1e-6 * mrt.targets().get(0).illuminationW());
        assertEquals(List.of(), m.users());
    }
}
