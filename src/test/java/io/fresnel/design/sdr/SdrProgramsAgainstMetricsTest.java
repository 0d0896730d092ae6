package io.fresnel.design.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignScenarios;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.Designs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.CVec;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paper 004's SDR programs on the 8-element ULA of {@link DesignScenarios} (spherical amplitude, so
 * the targets' receive gains ||a(p_t)||^2 differ): the reported objective is the metric code's value
 * of the rebuilt precoder (sum position CRB (22)-(23), minimum illumination (24), minimum echo power
 * (25) with ERRATA 004.1's |b_k|^2), the requirement check against MRT at full power
 * Gamma_max = P ||c||^2 / sigma^2 (computed here from the channel row) and the degenerate inputs.
 */
class SdrProgramsAgainstMetricsTest {
    private static final double P = DesignScenarios.POWER_W;
    private static final double NOISE = 1e-9;
    private static final Scenario SCENE = DesignScenarios.scenario("exact", "spherical", DesignScenarios.ONE_USER,
            DesignScenarios.TWO_TARGETS, "");

    private static double mrtSinr(Scenario sc) {
        double[][] c = new ScenarioPhysics(sc).channelRow(sc.users().get(0));
        return P * CVec.norm2(c[0], c[1]) / NOISE;
    }

    private static double min(Metrics m, boolean echo) {
        double v = Double.POSITIVE_INFINITY;
        for (TargetMetrics t : m.targets()) {
            v = Math.min(v, echo ? t.echoPowerW() : t.illuminationW());
        }
        return v;
    }

    @Test
    void notesHaveADecimalPointWhateverTheDefaultLocale() {
        // the engine's messages go to the CLI's JSON and the window's log: Locale.ROOT, not the user's locale
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            SdrModel model = SdrModel.of(new ScenarioPhysics(SCENE), SdrModel.Span.POWER);
            double gammaMax = mrtSinr(SCENE);
            SdrSolution s = new MaxMinPowerProgram(model, P, new double[] {0.5 * gammaMax}, false).solve(() -> false);
            assertTrue(s.note().matches("interior point: .* gap \\d\\.\\d\\de[-+]\\d+, residuals .*"), s.note());
            SdrSolution no = new MaxMinPowerProgram(model, P, new double[] {2 * gammaMax}, false).solve(() -> false);
            assertFalse(no.note().matches(".*\\d,\\d.*"), no.note());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aRequirementAboveWhatMrtGivesIsInfeasibleBeforeAnySolve() {
        SdrModel model = SdrModel.of(new ScenarioPhysics(SCENE), SdrModel.Span.POWER);
        double gammaMax = mrtSinr(SCENE);
        SdrSolution s = new MaxMinPowerProgram(model, P, new double[] {1.001 * gammaMax}, false).solve(() -> false);
        assertEquals(DesignStatus.INFEASIBLE, s.status());
        assertEquals(0, s.iterations());
        assertNull(s.x());
        assertTrue(s.note().startsWith(String.format(java.util.Locale.ROOT,
                "user u1 needs SINR %.7g but even MRT at full power gives only ", 1.001 * gammaMax)), s.note());
        // seven significant digits, not the full double (the window shows this line)
        double said = Double.parseDouble(s.note().substring(s.note().lastIndexOf(' ') + 1));
        assertEquals(gammaMax, said, 1e-6 * gammaMax);
        assertTrue(s.note().length() < 90, s.note());
        // exactly what MRT gives is not rejected by that check (MRT itself meets it)
        double exact = P * model.userChannelNorm2[0] / model.userNoiseW[0];
        SdrSolution edge = new MaxMinPowerProgram(model, P, new double[] {exact}, false).solve(() -> false);
        assertFalse(edge.note().contains("even MRT"), edge.note());
        // half of it is solved
        SdrSolution half = new MaxMinPowerProgram(model, P, new double[] {0.5 * gammaMax}, false).solve(() -> false);
        assertEquals(DesignStatus.OPTIMAL, half.status(), half.note());
        assertTrue(half.iterations() > 0);
    }

    @Test
    void theMaxMinObjectivesAreTheMetricsOfTheRebuiltPrecoder() {
        ScenarioPhysics physics = new ScenarioPhysics(SCENE);
        SdrModel model = SdrModel.of(physics, SdrModel.Span.POWER);
        double required = 0.3 * mrtSinr(SCENE);
        // the two targets' receive gains differ, so the echo weights |beta|^2 ||a||^2 are not those of illumination
        double a1 = CVec.norm2(responses(physics, 0)[0], responses(physics, 0)[1]);
        double a2 = CVec.norm2(responses(physics, 1)[0], responses(physics, 1)[1]);
        assertTrue(Math.abs(a1 / a2 - 1) > 0.05, a1 + " " + a2);
        for (boolean echo : new boolean[] {false, true}) {
            SdrSolution s = new MaxMinPowerProgram(model, P, new double[] {required}, echo).solve(() -> false);
            assertEquals(DesignStatus.OPTIMAL, s.status(), s.note());
            Precoder p = SdrPrecoder.build(model, s.x(), s.w(), P);
            Metrics m = DesignScenarios.evaluate(SCENE, p);
            assertEquals(min(m, echo), s.objective(), 1e-5 * s.objective(), echo ? "echo" : "illumination");
            assertEquals(P, m.system().transmitPowerW(), 1e-9 * P);
            assertTrue(m.users().get(0).sinr() >= required * (1 - 1e-6));
        }
    }

    private static double[][] responses(ScenarioPhysics physics, int t) {
        double[] re = new double[8];
        double[] im = new double[8];
        physics.receive().evaluate(SCENE.targets().get(t).positionM(), true, re, im);
        return new double[][] {re, im};
    }

    @Test
    void theCrbObjectiveIsTheSumCrbOfTheRebuiltPrecoder() throws DesignException {
        SdrModel model = SdrModel.of(new ScenarioPhysics(SCENE), SdrModel.Span.CRB);
        double required = 0.5 * mrtSinr(SCENE);
        SdrSolution s = new CrbMinProgram(model, P, new double[] {required}).solve(() -> false);
        assertEquals(DesignStatus.OPTIMAL, s.status(), s.note());
        Metrics m = DesignScenarios.evaluate(SCENE, SdrPrecoder.build(model, s.x(), s.w(), P));
        assertEquals(m.system().crbPositionSumM2(), s.objective(), 1e-5 * s.objective());
        assertTrue(m.users().get(0).sinr() >= required * (1 - 1e-6));
        // the design's objective is the metric code's sum CRB of its own precoder
        DesignResult r = Designs.byName("crb-min-sdr").run(SCENE, DesignContext.none());
        assertEquals(DesignStatus.OPTIMAL, r.status(), r.message());
        double crb = DesignScenarios.evaluate(SCENE, r.precoder()).system().crbPositionSumM2();
        assertEquals(crb, r.objective(), 1e-12 * crb);
        // without a requirement the CRB can only be lower than with one
        assertTrue(crb <= m.system().crbPositionSumM2() * (1 + 1e-6));
    }

    @Test
    void aZeroCovarianceGivesAZeroPrecoderNotNaN() {
        SdrModel model = SdrModel.of(new ScenarioPhysics(SCENE), SdrModel.Span.POWER);
        int d = model.d;
        Precoder p = SdrPrecoder.build(model, new double[][][] {new double[d][d], new double[d][d]}, null, P);
        ComplexMatrix e = p.effective();
        assertEquals(8, e.rows());
        assertTrue(e.cols() >= 1);
        for (int r = 0; r < e.rows(); r++) {
            for (int c = 0; c < e.cols(); c++) {
                assertEquals(0, e.re(r, c));
                assertEquals(0, e.im(r, c));
            }
        }
        // an unnormalised covariance (tr X = 2) is scaled to use exactly the budget P
        double[][] twice = new double[d][d];
        for (int i = 0; i < d; i++) {
            twice[i][i] = 2.0 / d;
        }
        ComplexMatrix q = SdrPrecoder.build(model, new double[][][] {twice, new double[d][d]}, null, P).effective();
        double f2 = 0;
        for (int r = 0; r < q.rows(); r++) {
            for (int c = 0; c < q.cols(); c++) {
                f2 += q.re(r, c) * q.re(r, c) + q.im(r, c) * q.im(r, c);
            }
        }
        assertEquals(P, f2, 1e-12 * P);
    }

    @Test
    void anEchoDesignWithoutAnyReflectionIsRejectedByName() {
        Scenario dark = DesignScenarios.scenario("exact", "spherical", DesignScenarios.ONE_USER,
                DesignScenarios.TWO_TARGETS.replace("[0.01, 0.004]", "[0, 0]").replace("[-0.006, 0.008]", "[0, 0]"),
                "");
        assertEquals("echo-maxmin-sdr: no target can receive any echo", assertThrows(DesignException.class,
                () -> Designs.byName("echo-maxmin-sdr").run(dark, DesignContext.none())).getMessage());
    }

    @Test
    void theIsotropicObservabilityCheckRunsUpTo128Elements() {
        // far-field phase with unit amplitude: the range is unobservable for every covariance; with exactly
        // 128 elements (the largest array the isotropic check evaluates) the design says so in its own words
        Scenario small = DesignScenarios.scenario("far-field", "unit", DesignScenarios.ONE_USER,
                "{\"id\": \"t1\", \"position_m\": [2.0, 0.8, 0], \"reflection\": [0.01, 0.004]}", "");
        io.fresnel.model.UniformLinearArray ula = ((io.fresnel.model.UniformLinearArray) small.txArray()).withElements(128);
        Scenario sc = new Scenario(small.name(), small.dimension(), small.carrierFrequencyHz(), small.speedOfLightMS(),
                small.propagation(), ula, null, small.transmitPowerW(), small.architecture(), small.sensing(),
                small.users(), List.of(), small.targets(), List.of(), null, null);
        String message = assertThrows(DesignException.class,
                () -> Designs.byName("crb-min-sdr").run(sc, DesignContext.none())).getMessage();
        assertTrue(message.startsWith("crb-min-sdr: the position CRB is unbounded, or nearly so, for every precoder"
                + " (even the isotropic covariance leaves the joint FIM singular: "), message);
    }
}
