package io.fresnel.metrics;

import io.fresnel.io.ScenarioFormatException;
import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;

/** Small scenarios for the metric tests, written as scenario-file text. */
final class TestScenarios {
    private TestScenarios() {
    }

    static Scenario parse(String json) {
        try {
            return ScenarioReader.readScenario(json);
        } catch (ScenarioFormatException e) {
            throw new AssertionError("test scenario rejected: " + e.getMessage(), e);
        }
    }

    /**
     * A 2-D bistatic scenario at 3.5 GHz: 6-element Tx ULA, 5-element Rx ULA, one user with a
     * private stream, two targets and two sensing streams; the phase model and the targets' lines
     * are parameters.
     */
    static String twoTargets(String phase, String amplitude, String targets, String extraStreams, String extraColumns) {
        return """
            {"format": "fresnel-scenario/1", "dimension": 2, "carrier_frequency_hz": 3.5e9,
             "propagation": {"phase": "%s", "amplitude": "%s"},
             "tx_array": {"ula": {"elements": 6, "spacing_m": 0.0428, "axis": "y", "center_m": [0, 0, 0]}},
             "rx_array": {"ula": {"elements": 5, "spacing_m": 0.0428, "axis": "y", "center_m": [0, -0.3, 0]}},
             "sensing": {"snapshots": 64, "noise_w": 1e-9},
             "users": [{"id": "u1", "position_m": [3, 1, 0], "noise_w": 1e-9}],
             "targets": [%s],
             "precoder": {"streams": [{"role": "private", "user": "u1"}, {"role": "sensing"}, {"role": "sensing"}%s],
               "columns": [
                 [[0.3, 0.1], [0.2, -0.2], [-0.1, 0.3], [0.25, 0.05], [0.1, 0.1], [-0.2, 0.15]],
                 [[0.1, -0.3], [0.05, 0.2], [0.3, 0.1], [-0.2, -0.1], [0.15, 0.0], [0.1, -0.25]],
                 [[-0.2, 0.1], [0.3, 0.3], [0.0, -0.15], [0.1, 0.2], [-0.3, 0.05], [0.2, 0.1]]%s]}}
            """.formatted(phase, amplitude, targets, extraStreams, extraColumns);
    }

    static final String TWO_TARGETS = """
        {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]},
        {"id": "t2", "position_m": [1.5, -1.1, 0], "reflection": [-0.006, 0.008]}""";

    static final String ONE_TARGET = """
        {"id": "t1", "position_m": [2.0, 0.8, 0], "reflection": [0.01, 0.004]}""";
}
