package io.fresnel.design.sdr;

import io.fresnel.GoldenFiles;
import io.fresnel.io.ScenarioReader;
import io.fresnel.io.ScenarioFormatException;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/** Scenarios and helpers for the paper 004 SDR tests. */
public final class SdrTestSupport {
    private SdrTestSupport() {
    }

    /** @return a golden scenario ("solver/NAME" or "public/NAME") with its precoder removed */
    public static Scenario golden(String relative) {
        try {
            Path f = GoldenFiles.goldenDir().resolve(relative + ".scenario.json");
            return ScenarioReader.readScenario(f).withPrecoder(null);
        } catch (IOException | ScenarioFormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A 3-D scenario at 28 GHz with an n x n UPA (lambda/2) centred at the origin in the plane z = 0;
     * the receive UPA is the same array (monostatic) unless {@code rxCenterZ} is not NaN, then an
     * n x n UPA centred at (0, 0, rxCenterZ). Exact phase, spherical amplitude, P = 10 mW,
     * noise -50 dBm (paper 004 section VI).
     *
     * @param users JSON user objects (comma separated, may be empty)
     * @param targets JSON target objects
     */
    static Scenario upa(int n, double rxCenterZ, String users, String targets) {
        double spacing = 299792458.0 / 28e9 / 2;
        String rx = Double.isNaN(rxCenterZ) ? ""
                : """
                "rx_array": {"upa": {"elements_x": %d, "elements_y": %d, "spacing_m": %s, "center_m": [0, 0, %s]}},
                """.formatted(n, n, spacing, rxCenterZ);
        String json = """
            {"format": "fresnel-scenario/1", "dimension": 3, "carrier_frequency_hz": 28e9,
             "propagation": {"phase": "exact", "amplitude": "spherical"},
             "tx_array": {"upa": {"elements_x": %d, "elements_y": %d, "spacing_m": %s, "center_m": [0, 0, 0]}},
             %s
             "transmit_power_w": 0.01,
             "sensing": {"snapshots": 100, "noise_w": 1e-8},
             "users": [%s],
             "targets": [%s]}
            """.formatted(n, n, spacing, rx, users, targets);
        try {
            return ScenarioReader.readScenario(json);
        } catch (ScenarioFormatException e) {
            throw new AssertionError("test scenario rejected: " + e.getMessage(), e);
        }
    }
}
