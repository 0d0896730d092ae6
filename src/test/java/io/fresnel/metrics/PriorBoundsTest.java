package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriorBoundsTest {

    /** Paper 001 set-up: centred far-field ULAs (Nt = 8, Nr = 10, lambda/2), target at 10 m. */
    private static Scenario paper001(String angles, String probabilities, double sigma) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "far-field", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 8, "spacing_m": 0.04996540966666667, "axis": "y", "center_m": [0, 0, 0]}},
             "rx_array": {"ula": {"elements": 10, "spacing_m": 0.04996540966666667, "axis": "y", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 1, "noise_w": 1e-3},
             "targets": [{"id": "t", "position_m": [10, 0, 0], "reflection": [1, 0],
                          "prior": {"angles_rad": [%s], "probabilities": [%s], "sigma_rad": %s, "range_m": 10}}],
             "precoder": {"streams": [{"role": "sensing"}, {"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15], [0.1, 0], [0, 0.2]],
                           [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25], [0.2, 0.2], [-0.1, 0]]]}}
            """.formatted(angles, probabilities, sigma));
    }

    @Test
    void pcrbIsBelowItsUpperBoundAndTheApproximationIsCloseForANarrowPrior() {
        TargetMetrics t = MetricsEvaluator.evaluate(paper001("-0.5, 0.2, 0.9", "0.2, 0.5, 0.3", 0.003)).targets()
                .get(0);
        assertTrue(t.pcrbRad2() <= t.pcrbUpperRad2() * (1 + 1e-12), t.pcrbRad2() + " vs " + t.pcrbUpperRad2());
        // ERRATA 001.3: with the corrected rho_0 the approximation (24) matches (23) closely
        assertEquals(t.pcrbUpperRad2(), t.pcrbUpperApproxRad2(), 2e-3 * t.pcrbUpperRad2());
    }

    /** The scenario with its target replaced. */
    private static Scenario withTarget(Scenario sc, Target t) {
        return new Scenario(sc.name(), sc.dimension(), sc.carrierFrequencyHz(), sc.speedOfLightMS(), sc.propagation(),
                sc.txArray(), sc.rxArray(), sc.transmitPowerW(), sc.architecture(), sc.sensing(), sc.users(),
                sc.eavesdroppers(), List.of(t), sc.sensingEavesdroppers(), sc.precoder(), sc.solver());
    }

    @Test
    void aVanishingEchoLeavesOnlyThePriorInformation() {
        Scenario sc = paper001("0.3", "1", 0.02);
        Target t0 = sc.targets().get(0);
        Scenario silent = withTarget(sc, new Target(t0.id(), t0.positionM(), new Complex(1e-30, 0), false, null,
                null, t0.prior()));
        TargetMetrics t = MetricsEvaluator.evaluate(silent).targets().get(0);
        // one Gaussian component: J_P = 1 / sigma^2
        assertEquals(0.02 * 0.02, t.pcrbRad2(), 1e-9 * 0.02 * 0.02);
        assertEquals(0.02 * 0.02, t.pcrbUpperRad2(), 1e-9 * 0.02 * 0.02);
        assertEquals(0.02 * 0.02, t.pcrbUpperApproxRad2(), 1e-9 * 0.02 * 0.02);
    }

    @Test
    void farFieldRhoFollowsTheCorrectedClosedForm() {
        // ERRATA 001.3: rho(theta) = rho_0 (1 + cos 2 theta), rho_0 = pi^2 Delta^2 Nr (Nr^2 - 1) / 6, Delta = 1/2
        double theta = 0.3;
        double sigma = 1e-6;
        Scenario sc = paper001(Double.toString(theta), "1", sigma);
        TargetMetrics t = MetricsEvaluator.evaluate(sc).targets().get(0);
        double c = 2.0 * 1 * 1 / 1e-3;
        double info = 1 / t.pcrbUpperApproxRad2() - 1 / (sigma * sigma);
        int nr = 10;
        double rho0 = Math.PI * Math.PI * 0.25 * nr * (nr * nr - 1) / 6;
        double rho = rho0 * (1 + Math.cos(2 * theta));
        // ||P^T v||^2 at the candidate angle: the illumination of a target moved there
        Scenario moved = withTarget(sc, sc.targets().get(0).withPosition(
                new Vec3(10 * Math.cos(theta), 10 * Math.sin(theta), 0)));
        double w2 = MetricsEvaluator.evaluate(moved).targets().get(0).illuminationW();
        assertEquals(c * rho * w2, info, 1e-9 * info);
    }
}
