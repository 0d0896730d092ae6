package io.fresnel.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Scenario;
import org.junit.jupiter.api.Test;

class SensingEavesdropperBoundsTest {

    private static Scenario scenario(int snapshots, String phase) {
        return TestScenarios.parse("""
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3e9,
             "propagation": {"phase": "%s", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": 4, "spacing_m": 0.05, "axis": "y", "center_m": [0, 0, 0]}},
             "sensing": {"snapshots": 10, "noise_w": 1},
             "targets": [{"id": "t", "position_m": [30, 12, 0], "reflection": [0.001, 0]}],
             "sensing_eavesdroppers": [{"id": "se", "array": {"ula": {"elements": 9, "spacing_m": 0.05, "axis": "y",
                 "center_m": [20, 30, 0]}}, "reflection": [0.002, 0.001], "noise_w": 0.5, "snapshots": %d,
                 "target": "t"}],
             "precoder": {"streams": [{"role": "sensing"}],
               "columns": [[[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05]]]}}
            """.formatted(phase, snapshots));
    }

    @Test
    void strongBoundScalesAsOneOverSnapshotsAndTheWeakOneIsLarger() {
        SensingEavesdropperBounds.Result a = MetricsEvaluator.evaluate(scenario(10, "exact")).sensingEavesdroppers()
                .get(0);
        SensingEavesdropperBounds.Result b = MetricsEvaluator.evaluate(scenario(40, "exact")).sensingEavesdroppers()
                .get(0);
        assertEquals(a.strongRad2() / 4, b.strongRad2(), 1e-12 * a.strongRad2());
        assertTrue(a.weakRad2() > a.strongRad2());
        assertEquals(a.weakRad2() / a.strongRad2(), b.weakRad2() / b.strongRad2(), 1e-12);
    }

    @Test
    void farFieldStrongBoundMatchesTheUlaClosedForm() {
        // centred far-field lambda/2-ish ULA along y: ||P_perp a'||^2 = k^2 d^2 cos^2(phi) N (N^2 - 1) / 12
        Scenario sc = scenario(10, "far-field");
        SensingEavesdropperBounds.Result r = MetricsEvaluator.evaluate(sc).sensingEavesdroppers().get(0);
        double phi = Math.atan2(12 - 30, 30 - 20);
        double k = 2 * Math.PI / sc.wavelengthM();
        int n = 9;
        double d = 0.05;
        double perp = k * k * d * d * Math.cos(phi) * Math.cos(phi) * n * (n * n - 1) / 12.0;
        double w2 = MetricsEvaluator.evaluate(sc).targets().get(0).illuminationW();
        double beta2 = 0.002 * 0.002 + 0.001 * 0.001;
        double expected = 0.5 / (2 * 10 * beta2 * perp * w2);
        assertEquals(expected, r.strongRad2(), 1e-9 * expected);
        double weak = expected * (1 + 0.5 / (beta2 * w2 * n));
        assertEquals(weak, r.weakRad2(), 1e-9 * weak);
    }
}
