package io.fresnel.bench;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic scenes in paper 003's set-up (Sec. VI, Table II) for benchmarks and tests: not the
 * paper's random channel generator (that one draws Saleh-Valenzuela paths with the NYC path loss),
 * but seeded geometries of the same scale.
 */
public final class SpebScenes {
    private SpebScenes() {
    }

    /**
     * A 2-D paper-003 scene at 28 GHz: a ULA of n elements along y (aperture 0.5 m as Table II for
     * n = 32, spacing 0.5 m / 31 whatever n is), P = 1 W, noise -90 dBm, T = 100, the target at
     * (10, 0.5) m with |beta| from (60) (RCS 1 m^2), users on the 20 m semicircle at seeded angles,
     * each with one seeded NLoS scatterer (amplitude 0.3 of the LoS free-space gain at 20 m).
     *
     * @param n antennas
     * @param chains RF chains (architecture hybrid-partial), or 0 for digital
     * @param users number of users
     * @param minRate every user's min_rate_bps_hz (0: none)
     * @param seed the geometry's seed
     * @return the scenario (no precoder)
     */
    public static Scenario scene(int n, int chains, int users, double minRate, long seed) {
        Random rnd = new Random(seed);
        double lambda = 299792458.0 / 28e9;
        StringBuilder us = new StringBuilder();
        for (int u = 0; u < users; u++) {
            double ang = (-0.45 + 0.9 * (u + 0.2 + 0.6 * rnd.nextDouble()) / users) * Math.PI;
            double sa = (rnd.nextDouble() - 0.5) * Math.PI * 0.9;
            double sr = 5 + 10 * rnd.nextDouble();
            double g = lambda / (4 * Math.PI * 20) * 0.3;
            double ph = 2 * Math.PI * rnd.nextDouble();
            if (u > 0) {
                us.append(',');
            }
            us.append(String.format(Locale.ROOT, """
                {"id": "u%d", "position_m": [%s, %s, 0], "noise_w": 1e-12 %s,
                 "scatterers": [{"position_m": [%s, %s, 0], "gain": [%s, %s]}]}
                """, u + 1, 20 * Math.cos(ang), 20 * Math.sin(ang),
                    minRate > 0 ? ", \"min_rate_bps_hz\": " + minRate : "", sr * Math.cos(sa), sr * Math.sin(sa),
                    g * Math.cos(ph), g * Math.sin(ph)));
        }
        double ds = Math.hypot(10, 0.5);
        double beta = Math.sqrt(lambda * lambda / (Math.pow(4 * Math.PI, 3) * Math.pow(ds, 4)));
        double bph = 2 * Math.PI * rnd.nextDouble();
        String arch = chains > 0
                ? "\"architecture\": {\"kind\": \"hybrid-partial\", \"rf_chains\": " + chains + "},"
                : "";
        String json = String.format(Locale.ROOT, """
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 28e9,
             "propagation": {"phase": "exact", "amplitude": "unit"},
             "tx_array": {"ula": {"elements": %d, "spacing_m": %s, "axis": "y", "center_m": [0, 0, 0]}},
             %s
             "transmit_power_w": 1.0,
             "sensing": {"snapshots": 100, "noise_w": 1e-12},
             "users": [%s],
             "targets": [{"id": "t1", "position_m": [10, 0.5, 0], "reflection": [%s, %s]}]}
            """, n, 0.5 / 31, arch, us, beta * Math.cos(bph), beta * Math.sin(bph));
        try {
            return ScenarioReader.readScenario(json);
        } catch (ScenarioFormatException e) {
            throw new IllegalStateException("scene rejected: " + e.getMessage(), e);
        }
    }
}
