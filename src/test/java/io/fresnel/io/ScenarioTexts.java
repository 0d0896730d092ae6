package io.fresnel.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small valid scenario texts for the reader and writer tests, and a checked text mutation. */
final class ScenarioTexts {

    private ScenarioTexts() {
    }

    /** A 2-D scenario that uses every section of the format once (fully digital precoder). */
    static final String BASE = """
            {
              "format": "fresnel-scenario/1",
              "name": "inline base",
              "dimension": 2,
              "carrier_frequency_hz": 28e9,
              "propagation": {"phase": "fresnel", "amplitude": "unit"},
              "tx_array": {"ula": {"elements": 4, "spacing_m": 0.005, "axis": "y", "center_m": [0, 0, 0]}},
              "rx_array": {"positions_m": [[0, -0.01, 0], [0, -0.015, 0]]},
              "transmit_power_w": 1.0,
              "sensing": {"snapshots": 10, "noise_w": 1e-10},
              "users": [
                {"id": "u1", "position_m": [3, 0.5, 0], "noise_w": 1e-9, "min_rate_bps_hz": 1},
                {"id": "u2", "position_m": [2, -1, 0], "noise_w": 2e-9, "gain": [0.001, 0.0002],
                 "scatterers": [{"position_m": [1, -2, 0], "gain": [1e-4, -1e-4]}]}
              ],
              "eavesdroppers": [
                {"id": "e1", "position_m": [2.5, 0.2, 0], "noise_w": 3e-9,
                 "channel": [[1e-3, 0], [0, 1e-3], 1e-3, [-1e-3, 0]]}
              ],
              "targets": [
                {"id": "t1", "position_m": [4, 1, 0], "reflection": [0.01, -0.002], "eavesdropper": true,
                 "noise_w": 4e-9,
                 "prior": {"angles_rad": [0.1, 0.3], "probabilities": [0.25, 0.75], "sigma_rad": 0.01, "range_m": 4}}
              ],
              "sensing_eavesdroppers": [
                {"id": "s1", "array": {"ula": {"elements": 3, "spacing_m": 0.005, "axis": "x",
                   "first_element_m": [0.5, 0.5, 0]}},
                 "reflection": 0.001, "noise_w": 1e-10, "snapshots": 20, "target": "t1"}
              ],
              "precoder": {
                "streams": [{"role": "common"}, {"role": "private", "user": "u1"}, {"role": "private", "user": "u2"}],
                "columns": [[[0.5, 0], [0.5, 0], [0.5, 0], [0.5, 0]],
                            [[0, 0.1], [-0.1, 0], [0.1, 0], [0, 0.1]],
                            [0.2, 0.25, 0.3, 0.35]],
                "common_secrecy_shares": {"u1": 0.6, "u2": 0.4}
              },
              "solver": {"algorithm": "rsma-hybrid", "crb_angle_max_rad2": 1e-6, "seed": 7, "verbose": true,
                         "grid": [1, 2.5, null], "nested": {"a": {"b": [1]}}}
            }
            """;

    /** A fully connected hybrid transmitter: N = 4, 2 RF chains, F_A unit-modulus, F_D given. */
    static final String HYBRID_FULL = """
            {
              "format": "fresnel-scenario/1",
              "dimension": 2,
              "carrier_frequency_hz": 28e9,
              "propagation": {"phase": "exact", "amplitude": "spherical"},
              "tx_array": {"upa": {"elements_x": 1, "elements_y": 4, "spacing_m": 0.005, "center_m": [0, 0, 0]}},
              "architecture": {"kind": "hybrid-full", "rf_chains": 2},
              "users": [{"id": "u1", "position_m": [3, 0.5, 0], "noise_w": 1e-9}],
              "precoder": {
                "streams": [{"role": "private", "user": "u1"}, {"role": "artificial-noise"}],
                "F_A": [[[1, 0], [0, 1], [-1, 0], [0, -1]], [[0.6, 0.8], [1, 0], [1, 0], [1, 0]]],
                "F_D": [[[0.1, 0], [0, 0.1]], [[0.2, 0], [0.1, 0]]]
              }
            }
            """;

    /** A partially connected hybrid transmitter: N = 4, 2 RF chains of 2 antennas each. */
    static final String HYBRID_PARTIAL = """
            {
              "format": "fresnel-scenario/1",
              "dimension": 3,
              "carrier_frequency_hz": 28e9,
              "propagation": {"phase": "far-field", "amplitude": "unit", "reference_m": [0, 0, 0.5]},
              "tx_array": {"positions_m": [[0, 0, 0], [0, 0.005, 0], [0, 0.01, 0], [0, 0.015, 0]]},
              "architecture": {"kind": "hybrid-partial", "rf_chains": 2},
              "users": [{"id": "u1", "position_m": [3, 0.5, 1], "noise_w": 1e-9}],
              "precoder": {
                "streams": [{"role": "private", "user": "u1"}],
                "F_A": [[[1, 0], [0, 1], [0, 0], [0, 0]], [[0, 0], [0, 0], [0.8, 0.6], [-1, 0]]],
                "F_D": [[[0.3, 0], [0, 0.3]]]
              }
            }
            """;

    /**
     * @return text with the single occurrence of {@code from} replaced by {@code to}; fails when
     *     {@code from} does not occur exactly once, so that a mutation can never be a silent no-op
     */
    static String replaceOnce(String text, String from, String to) {
        int first = text.indexOf(from);
        int count = first < 0 ? 0 : 1;
        if (first >= 0 && text.indexOf(from, first + 1) >= 0) {
            count = 2;
        }
        assertEquals(1, count, "the mutation target must occur exactly once: " + from);
        return text.substring(0, first) + to + text.substring(first + from.length());
    }
}
